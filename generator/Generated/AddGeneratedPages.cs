using System.Net;
using System.Text;
using SiteGen.Engine;

namespace SiteGen.Generated;

/// <summary>
/// Process: adds the pages the build writes itself: 404.html and search.html. They go through
/// the same callout and layout steps as every content page.
/// </summary>
public sealed class AddGeneratedPages : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var pages = documents.Where(d => d.Listed)
            .OrderBy(d => d.OutputPath, StringComparer.Ordinal).ToList();
        return [.. documents, NotFound(pages), Search(pages)];
    }

    private static Document NotFound(IReadOnlyList<Document> pages) => new()
    {
        SourcePath = "", OutputPath = "404.html", Kind = DocumentKind.GeneratedPage,
        Title = "Page not found",
        Content = "<p>There is no page at this address. It may have moved when the site was reorganised.</p>\n" +
                  "<p>Try the search box above, or start from one of these pages:</p>\n" + PageList(pages, "404.html"),
    };

    private static Document Search(IReadOnlyList<Document> pages) => new()
    {
        SourcePath = "", OutputPath = "search.html", Kind = DocumentKind.GeneratedPage,
        Title = "Search",
        Content = "<div id=\"search-page\" class=\"search-page\"></div>\n" +
                  "<noscript><p>Search needs JavaScript. Every page of the site is listed below.</p></noscript>\n" +
                  "<h2 id=\"all-pages\">All pages</h2>\n" + PageList(pages, "search.html"),
    };

    private static string PageList(IReadOnlyList<Document> pages, string from)
    {
        var html = new StringBuilder("<ul class=\"page-list\">\n");
        foreach (var page in pages)
        {
            html.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(UrlPaths.Relative(from, page.OutputPath))).Append("\">")
                .Append(WebUtility.HtmlEncode(page.Title)).Append("</a>");
            if (page.Meta.Description is { Length: > 0 } description)
                html.Append(" — ").Append(WebUtility.HtmlEncode(description));
            html.Append("</li>\n");
        }
        return html.Append("</ul>\n").ToString();
    }
}
