using System.Text;
using SiteGen.Html;

namespace SiteGen.Search;

/// <summary>
/// Reads a page's main content (the body the layout puts in .page-body) into sections, with the text a
/// reader sees. Citation previews and back-links are left out: they repeat text shown elsewhere.
/// </summary>
public static class ReadSearchSections
{
    /// <summary>Elements whose content is separated from its neighbours, so "&lt;li&gt;a&lt;/li&gt;&lt;li&gt;b&lt;/li&gt;" reads "a b".</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "ul", "ol", "div", "section", "table", "tr", "td", "th", "blockquote", "pre", "dd", "dt", "br", "hr",
        "figcaption", "h4", "h5", "h6",
    };

    private static readonly string[] Skipped = ["citation-preview", "backlinks", "footnote-back-ref"];
    private static readonly string[] SectionHeadings = ["h2", "h3"];

    /// <summary>Sections of a page body as rendered from Markdown, before the layout wraps it.</summary>
    public static IReadOnlyList<SearchSection> ReadBody(string bodyHtml, string pageTitle)
    {
        var text = new BodyText();
        Read(bodyHtml, pageTitle, text);
        return text.ToSections();
    }

    /// <summary>Reads a page body's sections into <paramref name="text"/> (cleared first).</summary>
    public static void Read(string bodyHtml, string pageTitle, BodyText text)
    {
        text.Clear();
        var blocks = Blocks.GetAlternateLookup<ReadOnlySpan<char>>();
        var heading = pageTitle;
        var anchor = "";
        StringBuilder? headingText = null;   // set while inside an h2 or h3
        string? skipping = null;             // the element whose subtree is left out, and how deep in it we are
        var skipDepth = 0;

        var tokens = new HtmlTokenizer(bodyHtml);
        while (tokens.Read())
        {
            if (skipping is not null)
            {
                // The body is well-formed (Markdig's output and sanitized HTML), so counting tags of the name suffices.
                if (tokens.Kind == HtmlTokenKind.StartTag && tokens.Is(skipping)) skipDepth++;
                else if (tokens.Kind == HtmlTokenKind.EndTag && tokens.Is(skipping) && --skipDepth == 0) skipping = null;
                continue;
            }
            switch (tokens.Kind)
            {
                case HtmlTokenKind.Text:
                    var decoded = tokens.Text.Contains('&') ? HtmlTokenizer.Decode(tokens.Text) : null;
                    if (headingText is not null) headingText.Append(decoded is null ? tokens.Text : decoded);
                    else text.Append(decoded is null ? tokens.Text : decoded);
                    break;
                case HtmlTokenKind.StartTag when tokens.HasAnyClass(Skipped):
                    skipping = tokens.Name.ToString();
                    skipDepth = 1;
                    break;
                case HtmlTokenKind.StartTag when headingText is null && tokens.NameIn(SectionHeadings) is not null:
                    text.EndSection(heading, anchor);
                    anchor = tokens.Attribute("id") ?? "";
                    headingText = new StringBuilder();
                    break;
                case HtmlTokenKind.EndTag when headingText is not null && tokens.NameIn(SectionHeadings) is not null:
                    heading = Collapse(headingText);
                    headingText = null;
                    break;
                case HtmlTokenKind.StartTag or HtmlTokenKind.EndTag when blocks.Contains(tokens.Name):
                    if (headingText is not null) headingText.Append(' ');
                    else text.Separate();
                    break;
            }
        }
        if (headingText is not null) heading = Collapse(headingText);
        text.EndSection(heading, anchor);
    }

    /// <summary>A heading's text with each run of spaces, line breaks and no-break spaces made one space, and none at either end.</summary>
    private static string Collapse(StringBuilder text)
    {
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(text.Length);
        var length = 0;
        var space = false;
        foreach (var chunk in text.GetChunks())
            foreach (var c in chunk.Span)
            {
                if (c is ' ' or '\n' or '\t' or '\r' or '\u00A0')
                {
                    space = length > 0;
                    continue;
                }
                if (space) buffer[length++] = ' ';
                space = false;
                buffer[length++] = c;
            }
        var collapsed = new string(buffer, 0, length);
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        return collapsed;
    }
}
