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

    /// <summary>The citations file: each entry is formatted from it.</summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context)
    {
        var citations = BuildCache.InputFiles(context);
        return _ => citations;
    }

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
            // The arrow is decoration; the words are for screen readers, and the visible number is
            // part of the link's name, as WCAG's "label in name" asks.
            for (var i = 0; i < citation.MarkerIds.Count; i++)
            {
                html.Append("<a href=\"#").Append(citation.MarkerIds[i]).Append("\"><span aria-hidden=\"true\">↩</span>");
                if (citation.MarkerIds.Count == 1) html.Append("<span class=\"visually-hidden\">Back to the citation</span>");
                else html.Append("<span class=\"visually-hidden\">Back to citation </span>").Append(i + 1);
                html.Append("</a>");
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
