using Markdig.Syntax;
using SiteGen.Citations.Syntax;
using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// Resolves the citations of one page's Markdown tree: numbers works in order of first use,
/// gives every marker an id the reference list can link back to, and reports unknown keys at
/// their line and column with the closest known key.
/// </summary>
public static class CitationResolver
{
    public static IReadOnlyList<PageCitation> Resolve(MarkdownDocument ast, Document page, BuildContext context)
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var markers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var citation in MarkdownNodes.Inlines<CitationInline>(ast))
        {
            if (InsideLink(citation)) continue; // "[@key](url)": the text of a link, shown as written
            var unknown = citation.Items.Where(i => context.Citations.Find(i.Key) is null).ToList();
            foreach (var item in unknown)
            {
                var suggestion = Suggest.Closest(item.Key, context.Citations.Ids);
                context.Diagnostics.Error(page.SourcePath, page.BodyLine + citation.Line, citation.Column + 1,
                    $"unknown citation '{item.Key}'" + (suggestion is null
                        ? $"; add it to input/{context.Config.CitationPaths[0]}, or check the spelling."
                        : $" (did you mean '{suggestion}'?)"));
            }
            if (unknown.Count > 0) continue;

            var resolved = new List<ResolvedCitation>();
            foreach (var item in citation.Items)
            {
                var reference = context.Citations.Find(item.Key)!;
                if (!numbers.TryGetValue(item.Key, out var number))
                {
                    number = numbers.Count + 1;
                    numbers[item.Key] = number;
                    markers[item.Key] = [];
                }
                var markerId = $"cite-{number}-{markers[item.Key].Count + 1}";
                markers[item.Key].Add(markerId);
                resolved.Add(new ResolvedCitation(item, Label(reference, number, citation.IsNarrative, context.Config.CitationStyle),
                    "#" + EntryId(item.Key), markerId, FormatReference.Text(reference, context.Templates!.Words))
                    { Notices = NoticeLabels.For(reference, context.Templates.Words) });
            }
            citation.Resolved = resolved;
            citation.Style = context.Config.CitationStyle;
        }
        return numbers.Select(n => new PageCitation(n.Key, n.Value, markers[n.Key])).ToList();
    }

    private static bool InsideLink(Markdig.Syntax.Inlines.Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
            if (parent is Markdig.Syntax.Inlines.LinkInline) return true;
        return false;
    }

    /// <summary>The id of a work's entry in a page's reference list (keys may hold characters ids should not).</summary>
    public static string EntryId(string key) =>
        "ref-" + string.Concat(key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));

    private static string Label(Reference reference, int number, bool narrative, CitationStyle style) =>
        narrative ? $"{AuthorLabel.For(reference)} ({AuthorLabel.Year(reference)})"
        : style == CitationStyle.AuthorYear ? $"{AuthorLabel.For(reference)}, {AuthorLabel.Year(reference)}"
        : number.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
