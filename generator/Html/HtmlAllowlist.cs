using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Engine;

namespace SiteGen.Html;

/// <summary>
/// The raw HTML editors may write in Markdown: a safe set of tags and attributes. Everything else
/// is removed - script, style, iframe and other embeds with their content, unknown tags but not
/// their text, event handlers, style attributes, and javascript:/data: URLs. Works tag by tag, so
/// it can clean an HTML block that opens an element closed further down the page.
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

    private static readonly HtmlParser Parser = new();

    /// <summary>Cleans raw HTML; describes each removal in <paramref name="removed"/>.</summary>
    public static string Sanitize(string html, ICollection<string> removed)
    {
        var output = new StringBuilder(html.Length);
        string? skipping = null;
        var position = 0;
        while (position < html.Length)
        {
            var open = html.IndexOf('<', position);
            if (open < 0) open = html.Length;
            if (skipping is null) output.Append(html, position, open - position);
            if (open >= html.Length) break;

            if (string.CompareOrdinal(html, open, "<!--", 0, 4) == 0)
            {
                var endComment = html.IndexOf("-->", open + 4, StringComparison.Ordinal);
                position = endComment < 0 ? html.Length : endComment + 3;
                continue; // comments are dropped: they can hide content from reviewers
            }
            var close = TagEnd(html, open);
            if (close < 0)
            {
                if (skipping is null) output.Append(WebUtility.HtmlEncode(html[open..]));
                break;
            }
            var tag = html[open..(close + 1)];
            position = close + 1;
            var (name, isEnd) = TagName(tag);
            if (name.Length == 0)
            {
                if (skipping is null) output.Append(WebUtility.HtmlEncode(tag));
                continue;
            }
            if (skipping is not null)
            {
                if (isEnd && name.Equals(skipping, StringComparison.OrdinalIgnoreCase)) skipping = null;
                continue;
            }
            if (DroppedWithContent.Contains(name))
            {
                if (!isEnd)
                {
                    removed.Add($"<{name.ToLowerInvariant()}>");
                    if (!tag.EndsWith("/>", StringComparison.Ordinal)) skipping = name;
                }
                continue;
            }
            if (!Elements.Contains(name))
            {
                if (!isEnd) removed.Add($"<{name.ToLowerInvariant()}>");
                continue;
            }
            output.Append(isEnd ? $"</{name.ToLowerInvariant()}>" : CleanStartTag(tag, name, removed));
        }
        return output.ToString();
    }

    /// <summary>True for URLs a page may link to: relative ones, http(s), mailto and tel.</summary>
    public static bool IsSafeUrl(string url) => UrlPaths.Scheme(url) is null or "http" or "https" or "mailto" or "tel";

    private static string CleanStartTag(string tag, string name, ICollection<string> removed)
    {
        // AngleSharp reads the attributes (entities, quoting) exactly as a browser would.
        var context = Parser.ParseDocument("<template></template>").QuerySelector("template")!;
        var element = Parser.ParseFragment(tag, context).OfType<IElement>().FirstOrDefault();
        var lower = name.ToLowerInvariant();
        var clean = new StringBuilder("<").Append(lower);
        if (element is not null)
        {
            foreach (var attribute in element.Attributes)
            {
                var allowed = GlobalAttributes.Contains(attribute.Name) ||
                              (ElementAttributes.TryGetValue(lower, out var specific) && specific.Contains(attribute.Name));
                if (!allowed)
                {
                    removed.Add($"the {attribute.Name} attribute of <{lower}>");
                    continue;
                }
                if (UrlAttributes.Contains(attribute.Name) && !IsSafeUrl(attribute.Value))
                {
                    removed.Add($"the {UrlPaths.Scheme(attribute.Value)}: URL in <{lower} {attribute.Name}>");
                    continue;
                }
                clean.Append(' ').Append(attribute.Name).Append("=\"").Append(WebUtility.HtmlEncode(attribute.Value)).Append('"');
            }
        }
        return clean.Append('>').ToString();
    }

    /// <summary>The index of the '&gt;' that ends the tag starting at <paramref name="open"/>, skipping quoted values.</summary>
    private static int TagEnd(string html, int open)
    {
        char? quote = null;
        for (var i = open + 1; i < html.Length; i++)
        {
            var c = html[i];
            if (quote is not null) { if (c == quote) quote = null; continue; }
            if (c is '"' or '\'') quote = c;
            else if (c == '>') return i;
            else if (c == '<' && i == open + 1) return -1;
        }
        return -1;
    }

    private static (string Name, bool IsEnd) TagName(string tag)
    {
        var start = tag.StartsWith("</", StringComparison.Ordinal) ? 2 : 1;
        var end = start;
        while (end < tag.Length && (char.IsAsciiLetterOrDigit(tag[end]) || tag[end] == '-')) end++;
        var name = end > start && char.IsAsciiLetter(tag[start]) ? tag[start..end] : "";
        return (name, start == 2);
    }
}
