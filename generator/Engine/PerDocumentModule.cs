namespace SiteGen.Engine;

/// <summary>
/// Helper for modules that treat each document on its own. Runs them in parallel, keeps the input
/// order (so output stays deterministic), and turns an exception into a diagnostic that names the
/// document instead of a stack trace.
/// </summary>
public abstract class PerDocumentModule : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var results = new Document[documents.Count];
        Parallel.For(0, documents.Count, context.Parallelism, i =>
        {
            var document = documents[i];
            try
            {
                results[i] = ShouldProcess(document) ? Process(document, context) : document;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var file = document.SourcePath.Length > 0 ? document.SourcePath : document.OutputPath;
                context.Diagnostics.Error(file, 0, 0, $"this page could not be processed: {ex.Message}");
                context.Log.Debug(ex.ToString());
                results[i] = document;
            }
        });
        return results;
    }

    /// <summary>Which documents this module touches; the others pass through unchanged.</summary>
    protected virtual bool ShouldProcess(Document document) => document.Kind == DocumentKind.Page;

    protected abstract Document Process(Document document, BuildContext context);
}
