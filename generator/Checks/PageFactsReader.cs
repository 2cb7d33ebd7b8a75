using SiteGen.Engine;
using SiteGen.Html;

namespace SiteGen.Checks;

/// <summary>
/// Reads a built page's <see cref="PageFacts"/> in one pass of the HTML tokenizer. Each tag's
/// name is looked at once and its attributes read once for all the facts they give: every
/// page is read whole, sidebar and all, so this is one of a build's larger steps.
/// </summary>
public static class PageFactsReader
{
    /// <summary>The elements whose tags give a fact; the rest give only their id and class.</summary>
    private enum Tag { Other, A, H1, Heading, Area, Link, Img, Script, Source, Iframe, Aside }

    public static PageFacts Read(string html)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);      // id attributes and <a name>
        var idAttributes = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new SortedSet<string>(StringComparer.Ordinal);
        var links = new List<PageLink>();
        var withoutAlt = new List<string>();
        var emptyLinks = new List<string>();
        int callouts = 0, h1 = 0;
        int calloutStart = -1, pageBodyStart = -1;
        var calloutDepth = 0;          // nesting of <aside> inside the first callout; 0 when outside it
        var calloutHeading = 0;        // 0: no heading met in the callout yet, 1: inside it, 2: done
        var calloutHasHeading = false;
        string? linkHref = null;       // the open <a href>, to see whether it has a readable name
        var linkHasName = false;

        var tokens = new HtmlTokenizer(html);
        while (tokens.Read())
        {
            switch (tokens.Kind)
            {
                case HtmlTokenKind.Text:
                    if (linkHref is not null && !linkHasName && IsVisible(tokens.Text)) linkHasName = true;
                    if (calloutHeading == 1 && tokens.Text.Length > 0) calloutHasHeading = true;
                    break;
                case HtmlTokenKind.StartTag:
                {
                    var tag = TagOf(tokens.Name);
                    var attributes = new TagAttributes(tokens.Attributes);
                    if (attributes.HasId)
                    {
                        var id = HtmlTokenizer.Decode(attributes.Id);
                        if (!idAttributes.Add(id)) duplicates.Add(id);
                        ids.Add(id);
                    }
                    switch (tag)
                    {
                        case Tag.H1:
                            h1++;
                            break;
                        case Tag.A:
                            EndLink(); // an <a> inside an <a> closes the first, as browsers do
                            if (attributes.HasName) ids.Add(HtmlTokenizer.Decode(attributes.Name));
                            if (attributes.HasHref)
                            {
                                linkHref = HtmlTokenizer.Decode(attributes.Href);
                                links.Add(new PageLink("a", linkHref));
                                linkHasName = attributes.HasAriaLabel && IsVisible(attributes.AriaLabel);
                            }
                            break;
                        case Tag.Area or Tag.Link:
                            if (attributes.HasHref) links.Add(new PageLink(ElementName(tag), HtmlTokenizer.Decode(attributes.Href)));
                            break;
                        case Tag.Img or Tag.Script or Tag.Source or Tag.Iframe:
                            var src = attributes.HasSrc ? HtmlTokenizer.Decode(attributes.Src) : null;
                            if (src is not null) links.Add(new PageLink(ElementName(tag), src));
                            if (tag == Tag.Img)
                            {
                                if (!attributes.HasAlt) withoutAlt.Add(src ?? "");
                                else if (linkHref is not null && IsVisible(attributes.Alt)) linkHasName = true;
                            }
                            break;
                        case Tag.Aside:
                            if (calloutDepth > 0) calloutDepth++;
                            else if (ClassListed(attributes, Callout.RenderCallout.CssClass) && attributes.HasRole && DecodesTo(attributes.Role, "note"))
                            {
                                callouts++;
                                if (calloutStart < 0) { calloutStart = tokens.Start; calloutDepth = 1; }
                            }
                            break;
                    }
                    if (calloutDepth > 0 && calloutHeading == 0 && tag is Tag.H1 or Tag.Heading) calloutHeading = 1;
                    if (pageBodyStart < 0 && ClassListed(attributes, "page-body")) pageBodyStart = tokens.Start;
                    break;
                }
                case HtmlTokenKind.EndTag:
                {
                    var tag = TagOf(tokens.Name);
                    if (tag == Tag.A) EndLink();
                    else if (calloutHeading == 1 && tag is Tag.H1 or Tag.Heading) calloutHeading = 2;
                    else if (calloutDepth > 0 && tag == Tag.Aside) calloutDepth--;
                    break;
                }
            }
        }
        EndLink();
        return new PageFacts(ids, [.. duplicates], links, withoutAlt, emptyLinks, callouts, calloutHasHeading,
            calloutStart >= 0 && (pageBodyStart < 0 || pageBodyStart > calloutStart), h1);

        void EndLink()
        {
            if (linkHref is not null && !linkHasName) emptyLinks.Add(linkHref);
            linkHref = null;
        }
    }

    /// <summary>Which of the elements that give a fact the tag names (names compared as <see cref="HtmlTokenizer.Is"/> does).</summary>
    private static Tag TagOf(ReadOnlySpan<char> name) => name.Length switch
    {
        1 => name.Equals("a", StringComparison.OrdinalIgnoreCase) ? Tag.A : Tag.Other,
        2 => name[0] is 'h' or 'H' && name[1] is >= '1' and <= '6' ? (name[1] == '1' ? Tag.H1 : Tag.Heading) : Tag.Other,
        3 => name.Equals("img", StringComparison.OrdinalIgnoreCase) ? Tag.Img : Tag.Other,
        4 => name.Equals("area", StringComparison.OrdinalIgnoreCase) ? Tag.Area : name.Equals("link", StringComparison.OrdinalIgnoreCase) ? Tag.Link : Tag.Other,
        5 => name.Equals("aside", StringComparison.OrdinalIgnoreCase) ? Tag.Aside : Tag.Other,
        6 => name.Equals("script", StringComparison.OrdinalIgnoreCase) ? Tag.Script
            : name.Equals("source", StringComparison.OrdinalIgnoreCase) ? Tag.Source
            : name.Equals("iframe", StringComparison.OrdinalIgnoreCase) ? Tag.Iframe : Tag.Other,
        _ => Tag.Other,
    };

    /// <summary>The element a link was found on, as the link checks name it.</summary>
    private static string ElementName(Tag tag) => tag switch
    {
        Tag.Area => "area", Tag.Link => "link", Tag.Img => "img", Tag.Script => "script", Tag.Source => "source", _ => "iframe",
    };

    /// <summary>
    /// The attributes the facts come from, found in one reading of the tag: the first of each
    /// name counts, as in the HTML parser. Values are as written, entities not yet decoded.
    /// </summary>
    private readonly ref struct TagAttributes
    {
        public readonly ReadOnlySpan<char> Id, Name, Href, Src, Alt, AriaLabel, Class, Role;
        public readonly bool HasId, HasName, HasHref, HasSrc, HasAlt, HasAriaLabel, HasClass, HasRole;

        public TagAttributes(AttributeReader attributes)
        {
            while (attributes.Read(out var name, out var value))
            {
                switch (name.Length)
                {
                    case 2 when !HasId && name.Equals("id", StringComparison.OrdinalIgnoreCase): Id = value; HasId = true; break;
                    case 3 when !HasSrc && name.Equals("src", StringComparison.OrdinalIgnoreCase): Src = value; HasSrc = true; break;
                    case 3 when !HasAlt && name.Equals("alt", StringComparison.OrdinalIgnoreCase): Alt = value; HasAlt = true; break;
                    case 4 when !HasName && name.Equals("name", StringComparison.OrdinalIgnoreCase): Name = value; HasName = true; break;
                    case 4 when !HasHref && name.Equals("href", StringComparison.OrdinalIgnoreCase): Href = value; HasHref = true; break;
                    case 4 when !HasRole && name.Equals("role", StringComparison.OrdinalIgnoreCase): Role = value; HasRole = true; break;
                    case 5 when !HasClass && name.Equals("class", StringComparison.OrdinalIgnoreCase): Class = value; HasClass = true; break;
                    case 10 when !HasAriaLabel && name.Equals("aria-label", StringComparison.OrdinalIgnoreCase): AriaLabel = value; HasAriaLabel = true; break;
                }
            }
        }
    }

    /// <summary>Whether the tag's (first) class attribute lists the class name.</summary>
    private static bool ClassListed(in TagAttributes attributes, string className) =>
        attributes.HasClass && HtmlTokenizer.ListsClass(attributes.Class, className);

    private static bool DecodesTo(ReadOnlySpan<char> raw, string value) =>
        raw.Contains('&') ? HtmlTokenizer.Decode(raw) == value : raw.SequenceEqual(value);

    /// <summary>Whether text has anything but whitespace once entities are decoded (&amp;nbsp; is whitespace).</summary>
    private static bool IsVisible(ReadOnlySpan<char> text) =>
        text.Contains('&') ? HtmlTokenizer.Decode(text).AsSpan().Trim().Length > 0 : text.Trim().Length > 0;
}
