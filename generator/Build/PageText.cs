using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Build;

/// <summary>
/// What a built page says, for comparing two builds: its title, its sentences (citation markers
/// written as the cited keys, so renumbering is not a change), and the works it cites.
/// </summary>
public sealed partial record PageText(string Title, IReadOnlyList<string> Sentences, IReadOnlyList<string> Citations)
{
    private const string Blocks = "p, li, td, th, dt, dd, h2, h3, h4, h5, h6, blockquote, figcaption, caption, summary";

    public static PageText? Read(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        if (document.QuerySelector("main .page-body") is not { } body) return null;
        foreach (var hidden in body.QuerySelectorAll(".citation-preview, .backlinks, .footnote-back-ref, .heading-link, script, style").ToList()) hidden.Remove();
        var citations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var link in body.QuerySelectorAll("a.citation-link"))
            if (link.GetAttribute("href") is { } href && href.StartsWith("#ref-", StringComparison.Ordinal))
            {
                citations.Add(href[5..]);
                link.TextContent = href[5..]; // the key, not the number: renumbering is not a change
            }
        foreach (var references in body.QuerySelectorAll(".references").ToList()) references.Remove(); // the list follows from the citations
        var sentences = new List<string>();
        // Each block's own text (a list item's nested list is its own block), split into sentences.
        foreach (var block in body.QuerySelectorAll(Blocks))
        {
            var text = OwnText(block);
            sentences.AddRange(SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0));
        }
        return new PageText(document.QuerySelector("main h1")?.TextContent.Trim() ?? "", sentences, [.. citations]);
    }

    /// <summary>The block's text without the text of blocks inside it, spaces collapsed.</summary>
    private static string OwnText(IElement block)
    {
        var clone = (IElement)block.Clone();
        foreach (var inner in clone.QuerySelectorAll(Blocks).ToList()) inner.Remove();
        return Spaces().Replace(clone.TextContent, " ").Trim();
    }

    [GeneratedRegex(@"(?<=[.!?])\s+(?=[A-Z0-9“""(\[])")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
