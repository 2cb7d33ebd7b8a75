using System.Text;
using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// Process: ends every page that cites something with a "References" section: one entry per
/// work (numbered in order of first use, or by author for author-year), each linking back to
/// every place in the text that cites it.
/// </summary>
public sealed class AppendReferenceList : PerDocumentModule
{
    public const string SectionId = "references";

    protected override bool ShouldProcess(Document document) => document.Citations.Count > 0;

    protected override Document Process(Document document, BuildContext context)
    {
        var authorYear = context.Config.CitationStyle == CitationStyle.AuthorYear;
        var entries = document.Citations.Select(c => (Citation: c, Reference: context.Citations.Find(c.Key)!));
        entries = authorYear ? entries.OrderBy(e => e.Reference.SortKey, StringComparer.Ordinal) : entries.OrderBy(e => e.Citation.Number);

        var html = new StringBuilder();
        html.Append("<section class=\"references\" aria-labelledby=\"").Append(SectionId).Append("\">\n")
            .Append("<h2 id=\"").Append(SectionId).Append("\">References</h2>\n")
            .Append(authorYear ? "<ul class=\"reference-list\">\n" : "<ol class=\"reference-list\">\n");
        foreach (var (citation, reference) in entries)
        {
            html.Append("<li id=\"").Append(CitationResolver.EntryId(reference.Id)).Append("\">")
                .Append(FormatReference.Html(reference));
            html.Append(" <span class=\"backlinks\">");
            for (var i = 0; i < citation.MarkerIds.Count; i++)
            {
                var label = citation.MarkerIds.Count == 1 ? "Back to the citation" : $"Back to citation {i + 1} of {citation.MarkerIds.Count}";
                html.Append("<a href=\"#").Append(citation.MarkerIds[i]).Append("\" aria-label=\"").Append(label).Append("\">↩")
                    .Append(citation.MarkerIds.Count == 1 ? "" : ((char)('a' + Math.Min(i, 25))).ToString()).Append("</a>");
                if (i < citation.MarkerIds.Count - 1) html.Append(' ');
            }
            html.Append("</span></li>\n");
        }
        html.Append(authorYear ? "</ul>\n" : "</ol>\n").Append("</section>\n");
        return document with
        {
            Content = document.Content + html,
            Headings = [.. document.Headings, new Heading(2, "References", SectionId)],
        };
    }
}
