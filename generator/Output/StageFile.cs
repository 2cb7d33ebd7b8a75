using SiteGen.Engine;

namespace SiteGen.Output;

/// <summary>
/// Post-process, streamed after the layout and the page checks: writes each finished file into
/// the staging folder and lets go of its text, so a large site is never held in memory whole.
/// Without a staging folder (`check`, `serve`, in-memory test builds) documents keep their text.
/// Files their module wrote into the staging folder already (the search index's) are left alone.
/// </summary>
public sealed class StageFile : PerDocumentModule
{
    public override bool Begin(IReadOnlyList<Document> documents, BuildContext context) => context.Staging is not null;

    protected override bool ShouldProcess(Document document) => document.OutputPath.Length > 0 && !document.Staged;

    protected override Document Process(Document document, BuildContext context)
    {
        // A build with errors publishes nothing, so it need not write (two pages on one URL would even collide).
        if (context.Diagnostics.HasErrors) return document;
        if (document.CopyFrom is { } source)
        {
            // Checked again as it is copied: a file swapped for a link since it was listed is not published.
            if (SourceFiles.Problem(source, SourceFiles.MaxCopiedBytes) is { } problem)
            {
                context.Diagnostics.Error(source.FullPath, 0, 0, $"cannot publish this file: {problem}");
                return document;
            }
            context.Staging!.Copy(document.OutputPath, source.FullPath);
        }
        else context.Staging!.WriteText(document.OutputPath, document.Content);
        return document with { Content = "" };
    }
}
