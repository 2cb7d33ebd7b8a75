using System.Net;
using System.Text;
using SiteGen.Citations;
using SiteGen.Engine;

namespace SiteGen.Generated;

/// <summary>
/// Process: evidence-table.html lists every study in the citations file that declares a design,
/// strongest designs first: design, n, population, comparator and main finding, all taken from
/// the entries' notes, so the table and the pages can never disagree.
/// </summary>
public sealed class AddEvidenceTablePage : IModule
{
    public const string OutputPath = "evidence-table.html";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var studies = context.Citations.All.Where(r => r.Evidence.Design is not null)
            .OrderBy(r => r.Evidence.Design!.Rank).ThenBy(r => r.SortKey, StringComparer.Ordinal).ToList();
        if (studies.Count == 0) return documents;

        var html = new StringBuilder("<p>Every source this site cites, grouped by study design from the strongest kind of evidence to the weakest. " +
                                     "A dash means the source does not apply or does not report it.</p>\n");
        html.Append("<div class=\"table-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Evidence table\">\n<table class=\"evidence-table\">\n<thead>\n<tr>")
            .Append("<th scope=\"col\">Study</th><th scope=\"col\">Design</th><th scope=\"col\">n</th><th scope=\"col\">Population</th>")
            .Append("<th scope=\"col\">Comparator</th><th scope=\"col\">Main finding</th></tr>\n</thead>\n<tbody>\n");
        foreach (var study in studies)
        {
            var evidence = study.Evidence;
            var link = $"{AddReferencesPage.OutputPath}#{CitationResolver.EntryId(study.Id)}";
            html.Append("<tr><th scope=\"row\"><a href=\"").Append(WebUtility.HtmlEncode(link)).Append("\">")
                .Append(WebUtility.HtmlEncode($"{AuthorLabel.For(study)} ({AuthorLabel.Year(study)})")).Append("</a></th>")
                .Append(Cell(evidence.Design!.Name)).Append(Cell(evidence.N?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))
                .Append(Cell(evidence.Population)).Append(Cell(evidence.Comparator)).Append(Cell(evidence.Finding)).Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n</div>\n");
        return [.. documents, new Document
        {
            SourcePath = "", OutputPath = OutputPath, Kind = DocumentKind.GeneratedPage, Listed = true,
            Title = "Evidence table", Content = html.ToString(),
            Order = 899, // after the content pages, before the references
        }];
    }

    private static string Cell(string? text) => "<td>" + (string.IsNullOrWhiteSpace(text) ? "–" : WebUtility.HtmlEncode(text)) + "</td>";
}
