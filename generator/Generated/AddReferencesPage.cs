using System.Net;
using System.Text;
using SiteGen.Citations;
using SiteGen.Engine;

namespace SiteGen.Generated;

/// <summary>
/// Process: references.html lists every entry of the citations file once, sorted by first
/// author, with its design and size and links to every page that cites it.
/// </summary>
public sealed class AddReferencesPage : IModule
{
    public const string OutputPath = "references.html";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        if (context.Citations.Ids.Count == 0) return documents;
        var citedBy = CitingPages(documents);
        var html = new StringBuilder("<p>Every source cited on this site, sorted by first author, with the pages that cite it.</p>\n<ol class=\"reference-list all-references\">\n");
        foreach (var reference in context.Citations.All)
        {
            html.Append("<li id=\"").Append(CitationResolver.EntryId(reference.Id)).Append("\">").Append(FormatReference.Html(reference));
            if (EvidenceBadge(reference) is { } badge) html.Append(" <span class=\"evidence-badge\">").Append(WebUtility.HtmlEncode(badge)).Append("</span>");
            var pages = citedBy.GetValueOrDefault(reference.Id, []);
            if (pages.Count > 0)
            {
                html.Append("<br><span class=\"cited-by\">Cited on: ");
                html.AppendJoin(", ", pages.Select(p => $"<a href=\"{WebUtility.HtmlEncode(UrlPaths.Relative(OutputPath, p.OutputPath))}#{CitationResolver.EntryId(reference.Id)}\">{WebUtility.HtmlEncode(p.Title)}</a>"));
                html.Append("</span>");
            }
            html.Append("</li>\n");
        }
        html.Append("</ol>\n");
        return [.. documents, new Document
        {
            SourcePath = "", OutputPath = OutputPath, Kind = DocumentKind.GeneratedPage, Listed = true,
            Title = "References", Content = html.ToString(),
            Order = 900, // after the content pages
        }];
    }

    /// <summary>"pilot RCT · n = 22": what kind of evidence an entry is, when the file says.</summary>
    public static string? EvidenceBadge(Reference reference)
    {
        var design = reference.Evidence.Design?.Name;
        var n = reference.Evidence.N;
        return design is null ? null : n is null ? design : $"{design} · n = {n}";
    }

    /// <summary>For each citation key, the pages that cite it, in site order.</summary>
    public static Dictionary<string, List<Document>> CitingPages(IEnumerable<Document> documents)
    {
        var result = new Dictionary<string, List<Document>>(StringComparer.Ordinal);
        foreach (var page in documents.Where(d => d.Kind == DocumentKind.Page).OrderBy(d => d.OutputPath, StringComparer.Ordinal))
            foreach (var citation in page.Citations)
            {
                if (!result.TryGetValue(citation.Key, out var pages)) result[citation.Key] = pages = [];
                pages.Add(page);
            }
        return result;
    }
}
