using System.Runtime.CompilerServices;
using SiteGen.Html;

namespace SiteGen.Search;

/// <summary>
/// Reads a page's main content (the body the layout puts in .page-body) into sections, with the text a
/// reader sees. Citation previews and back-links are left out: they repeat text shown elsewhere.
/// </summary>
public static class ReadSearchSections
{
    /// <summary>
    /// Elements whose content is separated from its neighbours, so "&lt;li&gt;a&lt;/li&gt;&lt;li&gt;b&lt;/li&gt;" reads "a b";
    /// by length, so a tag is compared only with the names as long as its own, straight from the
    /// page's characters without making a string of the tag name.
    /// </summary>
    private static readonly string[][] BlocksByLength = ByLength(
        "p", "li", "ul", "ol", "div", "section", "table", "tr", "td", "th", "blockquote", "pre", "dd", "dt", "br", "hr",
        "figcaption", "h4", "h5", "h6");

    private static readonly string[] Skipped = ["citation-preview", "glossary-tip", "backlinks", "footnote-back-ref", "heading-link", "chart"];
    private static readonly string[] SectionHeadings = ["h2", "h3"];

    private static string[][] ByLength(params string[] names) =>
        [.. Enumerable.Range(0, names.Max(n => n.Length) + 1).Select(length => names.Where(n => n.Length == length).ToArray())];

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
        var heading = pageTitle;
        var anchor = "";
        var inHeading = false;               // an h2 or h3's text goes into the buffer until its end tag takes it out
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
                    text.Append(tokens.Text.Contains('&') ? HtmlTokenizer.Decode(tokens.Text) : tokens.Text);
                    break;
                case HtmlTokenKind.StartTag when tokens.HasAnyClass(Skipped):
                    skipping = tokens.Name.ToString();
                    skipDepth = 1;
                    break;
                case HtmlTokenKind.StartTag when !inHeading && tokens.NameIn(SectionHeadings) is not null:
                    text.EndSection(heading, anchor);
                    anchor = tokens.Attribute("id") ?? "";
                    inHeading = true;
                    break;
                case HtmlTokenKind.EndTag when inHeading && tokens.NameIn(SectionHeadings) is not null:
                    heading = text.TakeText();
                    inHeading = false;
                    break;
                case HtmlTokenKind.StartTag or HtmlTokenKind.EndTag
                    when tokens.Name.Length < BlocksByLength.Length && tokens.NameIn(BlocksByLength[tokens.Name.Length]) is not null:
                    text.Separate();
                    break;
            }
        }
        if (inHeading) heading = text.TakeText();
        text.EndSection(heading, anchor);
    }
}
