namespace SiteGen.Generated;

/// <summary>
/// Gather: adds the pages the build writes itself: 404.html and search.html, from the theme's
/// partials (partials/not-found.liquid and partials/search-page.liquid, each given the list of
/// pages). They go through the same callout and layout steps as every content page.
/// </summary>
public sealed class AddGeneratedPages : IModule
{
    public const string NotFoundPartial = "partials/not-found.liquid";
    public const string SearchPartial = "partials/search-page.liquid";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        if (context.Templates is not { } templates) return documents;
        var pages = documents.Where(d => d.Listed).OrderBy(d => d.OutputPath, StringComparer.Ordinal).ToList();
        Document[] Make() =>
        [
            Page("404.html", templates.Text("not_found_title"), templates.Render(NotFoundPartial, ("pages", PageList(pages, "404.html")))),
            Page("search.html", templates.Text("search_title"), templates.Render(SearchPartial, ("pages", PageList(pages, "search.html")))),
        ];
        // In `serve` they are made again only when the list of pages, the theme or the settings
        // change: an edit to a page's text leaves them as they were.
        var made = BuildCache.Remember(context, nameof(AddGeneratedPages), () => BuildCache.Digest(templates.Digest, BuildCache.InputFiles(context),
            string.Join("\n", pages.Select(p => p.OutputPath + "\t" + p.Title + "\t" + p.Meta.Description))), Make);
        return [.. documents, .. made];
    }

    private static Document Page(string outputPath, string title, string content) => new()
    {
        SourcePath = "", OutputPath = outputPath, Kind = DocumentKind.GeneratedPage, Title = title, Content = content,
    };

    private static List<PageListEntry> PageList(IReadOnlyList<Document> pages, string from) =>
        [.. pages.Select(page => new PageListEntry(UrlPaths.Relative(from, page.OutputPath), page.Title,
            page.Meta.Description is { Length: > 0 } description ? description : null))];
}
