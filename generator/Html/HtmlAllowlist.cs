using System.Text;
using AngleSharp;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using Html5Tokenizer = AngleSharp.Html.Parser.HtmlTokenizer;
using AngleSharp.Html.Parser.Tokens;
using AngleSharp.Text;
using SiteGen.Engine;

namespace SiteGen.Html;

/// <summary>
/// The raw HTML editors may write in Markdown: a safe set of tags and attributes. Everything else
/// is removed - script, style, iframe and other embeds with their content, unknown tags but not
/// their text, event handlers, style attributes, and javascript:/data: URLs.
/// </summary>
public static class HtmlAllowlist
{
    private static readonly HashSet<string> Elements = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "bdi", "bdo", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del",
        "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
        "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "rp", "rt", "ruby", "s", "samp", "small", "span", "strong", "sub",
        "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
    };

    /// <summary>Removed together with everything inside them.</summary>
    private static readonly HashSet<string> DroppedWithContent = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "template", "textarea",
        "select", "svg", "math", "audio", "video", "canvas", "xmp", "plaintext", "noembed", "noframes",
    };

    private static readonly HashSet<string> GlobalAttributes = new(StringComparer.OrdinalIgnoreCase) { "id", "class", "title", "lang", "dir" };

    private static readonly Dictionary<string, HashSet<string>> ElementAttributes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["a"] = ["href", "hreflang", "rel"],
        ["img"] = ["src", "alt", "width", "height", "loading"],
        ["td"] = ["colspan", "rowspan", "headers", "align"],
        ["th"] = ["colspan", "rowspan", "headers", "scope", "abbr", "align"],
        ["col"] = ["span"], ["colgroup"] = ["span"],
        ["ol"] = ["start", "reversed", "type"], ["li"] = ["value"],
        ["time"] = ["datetime"], ["details"] = ["open"],
        ["blockquote"] = ["cite"], ["q"] = ["cite"], ["del"] = ["cite", "datetime"], ["ins"] = ["cite", "datetime"],
    };

    private static readonly HashSet<string> UrlAttributes = new(StringComparer.OrdinalIgnoreCase) { "href", "src", "cite" };

    /// <summary>Elements whose content the tokenizer reads as text, not markup, and the state it reads them in.</summary>
    private static readonly Dictionary<string, HtmlParseMode> TextContent = new(StringComparer.Ordinal)
    {
        ["script"] = HtmlParseMode.Script, ["style"] = HtmlParseMode.Rawtext, ["xmp"] = HtmlParseMode.Rawtext,
        ["iframe"] = HtmlParseMode.Rawtext, ["noembed"] = HtmlParseMode.Rawtext, ["noframes"] = HtmlParseMode.Rawtext,
        ["noscript"] = HtmlParseMode.Rawtext, ["textarea"] = HtmlParseMode.RCData, ["title"] = HtmlParseMode.RCData,
        ["plaintext"] = HtmlParseMode.Plaintext,
    };

    /// <summary>
    /// Cleans raw HTML; describes each removal in <paramref name="removed"/>. The text is read by
    /// AngleSharp's HTML5 tokenizer, the state machine browsers run, so a comment, a tag or an
    /// attribute ends exactly where a browser ends it (<c>&lt;!--&gt;</c>, <c>--!&gt;</c>, quotes in
    /// unquoted values). The result is written afresh from the tokens: allowed tags with their
    /// allowed attributes re-quoted, text re-escaped, comments and doctypes dropped. Nothing of the
    /// input passes through as text, and no tag is written that would put a browser's tokenizer into
    /// another state, so the browser reads back exactly these tokens. Works tag by tag, so an HTML
    /// block may open an element that a later block closes (<c>&lt;details&gt;</c> around Markdown).
    /// </summary>
    public static string Sanitize(string html, ICollection<string> removed)
    {
        var output = new StringBuilder(html.Length);
        var tokenizer = new Html5Tokenizer(new TextSource(html), HtmlEntityProvider.Resolver);
        string? skipping = null;
        while (true)
        {
            var token = tokenizer.Get();
            switch (token.Type)
            {
                case HtmlTokenType.EndOfFile:
                    // A tag cut off by the end of the text is dropped, as a browser drops it: say so.
                    if (UnclosedComment(html)) removed.Add("a comment that is never closed ('<!--' without '-->'), with everything after it");
                    else if (skipping is null && UnfinishedTag(html)) removed.Add("an unfinished tag");
                    return output.ToString();
                case HtmlTokenType.Character:
                    if (skipping is null) AppendEscaped(output, token.Data, attribute: false);
                    break;
                case HtmlTokenType.StartTag when skipping is null:
                    var tag = token.AsTag();
                    var name = tag.Name.ToLowerInvariant();
                    if (DroppedWithContent.Contains(name) || TextContent.ContainsKey(name))
                    {
                        removed.Add($"<{name}>");
                        if (tag.IsSelfClosing && !TextContent.ContainsKey(name)) break;
                        skipping = name;
                        // The browser would read the content as text: read it the same way, and drop it.
                        if (TextContent.TryGetValue(name, out var state)) tokenizer.State = state;
                    }
                    else if (!Elements.Contains(name)) removed.Add($"<{name}>");
                    else AppendStartTag(output, tag, name, removed);
                    break;
                case HtmlTokenType.EndTag:
                    var end = token.Name.ToLowerInvariant();
                    if (skipping is not null)
                    {
                        if (end == skipping) skipping = null;
                    }
                    else if (Elements.Contains(end)) output.Append("</").Append(end).Append('>');
                    break;
                // Comments and doctypes are dropped: comments can hide content from reviewers.
            }
        }
    }

    /// <summary>
    /// The HTML fragment as a browser builds it into a tree (inside the layout's content &lt;div&gt;),
    /// written out again from that tree. Used for pages with raw HTML, after <see cref="Sanitize"/>:
    /// what is published is then exactly the tree the checked tokens make, mis-nesting resolved the
    /// browser's way, so no later reader of the page can see another structure.
    /// </summary>
    public static string AsBrowserBuildsIt(string fragment)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = true });
        var container = parser.ParseDocument("").CreateElement("div");
        var output = new StringBuilder(fragment.Length + 64);
        foreach (var node in parser.ParseFragment(fragment, container))
            output.Append(node.ToHtml());
        return output.ToString();
    }

    private static bool UnclosedComment(string html)
    {
        var open = html.LastIndexOf("<!--", StringComparison.Ordinal);
        if (open < 0) return false;
        var rest = html.AsSpan(open + 4);
        return !rest.StartsWith(">") && !rest.StartsWith("->") && !rest.Contains("-->", StringComparison.Ordinal) && !rest.Contains("--!>", StringComparison.Ordinal);
    }

    private static bool UnfinishedTag(string html)
    {
        var open = html.LastIndexOf('<');
        return open >= 0 && open > html.LastIndexOf('>') && open + 1 < html.Length && (char.IsAsciiLetter(html[open + 1]) || html[open + 1] is '/' or '!' or '?');
    }

    /// <summary>True for URLs a page may link to: relative ones, http(s), mailto and tel.</summary>
    public static bool IsSafeUrl(string url) => UrlPaths.Scheme(url) is null or "http" or "https" or "mailto" or "tel";

    private static void AppendStartTag(StringBuilder output, HtmlTagToken tag, string name, ICollection<string> removed)
    {
        output.Append('<').Append(name);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in tag.Attributes)
        {
            var attributeName = attribute.Name.ToString().ToLowerInvariant();
            var value = attribute.Value.ToString();
            if (!seen.Add(attributeName)) continue; // browsers keep the first of two same-named attributes
            var allowed = GlobalAttributes.Contains(attributeName) ||
                          (ElementAttributes.TryGetValue(name, out var specific) && specific.Contains(attributeName));
            if (!allowed)
            {
                removed.Add($"the {attributeName} attribute of <{name}>");
                continue;
            }
            if (UrlAttributes.Contains(attributeName) && !IsSafeUrl(value))
            {
                removed.Add($"the {UrlPaths.Scheme(value)}: URL in <{name} {attributeName}>");
                continue;
            }
            output.Append(' ').Append(attributeName).Append("=\"");
            AppendEscaped(output, value, attribute: true);
            output.Append('"');
        }
        output.Append(tag.IsSelfClosing ? " />" : ">");
    }

    /// <summary>Escapes what would otherwise start markup or end an attribute; everything else is kept as it is.</summary>
    private static void AppendEscaped(StringBuilder output, string text, bool attribute)
    {
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                case '"' when attribute: output.Append("&quot;"); break;
                case '\0': output.Append('\uFFFD'); break;
                default: output.Append(c); break;
            }
        }
    }
}
