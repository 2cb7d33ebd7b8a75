using SiteGen.Engine;

namespace SiteGen.Generated;

/// <summary>
/// Gather: whats-new.html, every change the pages log in their front matter ('changes:'), newest
/// first, each linked to its page and marked clinical or editorial. Only when some page logs one.
/// </summary>
public sealed class AddWhatsNewPage : IModule
{
    public const string OutputPath = "whats-new.html";

    /// <summary>The theme's markup for the page; its model is a list of <see cref="ChangeLogEntry"/>.</summary>
    public const string Partial = "partials/whats-new.liquid";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var changes = Changes(documents);
        if (changes.Count == 0 || context.Templates is not { } templates) return documents;
        var words = templates.Words;
        var entries = changes.Select(c => new ChangeLogEntry(c.Change.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            words.Date(c.Change.Date), c.Change.Type, words.Text("change_" + c.Change.Type), c.Change.Summary, c.Page.Title, UrlPaths.Escape(c.Page.OutputPath))).ToList();
        return [.. documents, new Document
        {
            SourcePath = "", OutputPath = OutputPath, Kind = DocumentKind.GeneratedPage, Listed = true,
            Title = templates.Text("whats_new_title"), Content = templates.Render(Partial, ("changes", entries)),
            Order = 897, // after the content pages, before the glossary, the evidence table and the references
        }];
    }

    /// <summary>Every logged change of the site's pages, newest first; one day's changes in the pages' order.</summary>
    public static IReadOnlyList<(Document Page, PageChange Change)> Changes(IReadOnlyList<Document> documents) =>
        [.. documents.Where(d => d.Kind == DocumentKind.Page)
            .SelectMany(page => page.Meta.Changes.Select(change => (Page: page, Change: change)))
            .OrderByDescending(c => c.Change.Date).ThenBy(c => c.Page.OutputPath, StringComparer.Ordinal).ThenBy(c => c.Change.Line)];
}
