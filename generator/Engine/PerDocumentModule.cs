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
        if (!Begin(documents, context)) return documents;
        var results = new Document[documents.Count];
        Parallel.For(0, documents.Count, context.Parallelism, i => results[i] = Apply(documents[i], context));
        return results;
    }

    /// <summary>
    /// Work done once before the documents, with all of them in view (loading templates, collecting
    /// URLs). Returns false when the module has nothing to do, so every document passes unchanged.
    /// </summary>
    public virtual bool Begin(IReadOnlyList<Document> documents, BuildContext context) => true;

    /// <summary>Lines for `--verbose` once every document is done (a module's own breakdown of its time); none by default.</summary>
    public virtual IEnumerable<string> Timings() => [];

    /// <summary>This module's work on one document, with errors turned into diagnostics.</summary>
    public Document Apply(Document document, BuildContext context)
    {
        try
        {
            return ShouldProcess(document) ? Process(document, context) : document;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var file = document.SourcePath.Length > 0 ? document.SourcePath : document.OutputPath;
            context.Diagnostics.Error(file, 0, 0, $"this page could not be processed by the {GetType().Name} step ({ex.GetType().Name}: {ex.Message}); " +
                                                  "this is a bug in sitegen: run with --verbose for details, and please report it.");
            context.Log.Debug(ex.ToString());
            return document;
        }
    }

    /// <summary>Which documents this module touches; the others pass through unchanged.</summary>
    protected virtual bool ShouldProcess(Document document) => document.Kind == DocumentKind.Page;

    /// <summary>True when this module would change <paramref name="document"/> (the runner needs no cache key for the others).</summary>
    public bool Handles(Document document) => ShouldProcess(document);

    /// <summary>
    /// For the build cache (`serve`), called after <see cref="Begin"/>: what this step reads besides
    /// the document it is given - site-wide inputs, or a file of the document's own - as a text
    /// per document. The runner keys a result on the step, a digest of the whole document it got
    /// (<see cref="DocumentDigest"/>), the site's settings and these. Null (the default): the
    /// step's results are never reused.
    /// </summary>
    public virtual Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) => null;

    protected abstract Document Process(Document document, BuildContext context);
}
