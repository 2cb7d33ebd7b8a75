using System.Text;
using SiteGen.Engine;
using SiteGen.Html;

namespace SiteGen.Checks;

/// <summary>Reads a built page's <see cref="PageFacts"/> in one pass of the HTML tokenizer.</summary>
public static class PageFactsReader
{
    private static readonly string[] Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];
    private static readonly string[] HrefElements = ["area", "link"];
    private static readonly string[] SrcElements = ["img", "script", "source", "iframe"];

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
                    if (tokens.Attribute("id") is { } id)
                    {
                        if (!idAttributes.Add(id)) duplicates.Add(id);
                        ids.Add(id);
                    }
                    if (tokens.Is("h1")) h1++;
                    if (tokens.Is("a"))
                    {
                        EndLink(); // an <a> inside an <a> closes the first, as browsers do
                        if (tokens.Attribute("name") is { } name) ids.Add(name);
                        if (tokens.Attribute("href") is { } href)
                        {
                            links.Add(new PageLink("a", href));
                            linkHref = href;
                            linkHasName = tokens.Attribute("aria-label") is { } label && label.Trim().Length > 0;
                        }
                    }
                    else if (tokens.NameIn(HrefElements) is { } hrefElement)
                    {
                        if (tokens.Attribute("href") is { } href) links.Add(new PageLink(hrefElement, href));
                    }
                    else if (tokens.NameIn(SrcElements) is { } srcElement)
                    {
                        var src = tokens.Attribute("src");
                        if (src is not null) links.Add(new PageLink(srcElement, src));
                        if (srcElement == "img")
                        {
                            var alt = tokens.Attribute("alt");
                            if (alt is null) withoutAlt.Add(src ?? "");
                            else if (linkHref is not null && alt.Trim().Length > 0) linkHasName = true;
                        }
                    }
                    else if (tokens.Is("aside"))
                    {
                        if (calloutDepth > 0) calloutDepth++;
                        else if (tokens.HasClass(Callout.RenderCallout.CssClass) && tokens.Attribute("role") == "note")
                        {
                            callouts++;
                            if (calloutStart < 0) { calloutStart = tokens.Start; calloutDepth = 1; }
                        }
                    }
                    if (calloutDepth > 0 && calloutHeading == 0 && tokens.NameIn(Headings) is not null) calloutHeading = 1;
                    if (pageBodyStart < 0 && tokens.HasClass("page-body")) pageBodyStart = tokens.Start;
                    break;
                case HtmlTokenKind.EndTag:
                    if (tokens.Is("a")) EndLink();
                    else if (calloutHeading == 1 && tokens.NameIn(Headings) is not null) calloutHeading = 2;
                    else if (calloutDepth > 0 && tokens.Is("aside")) calloutDepth--;
                    break;
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

    /// <summary>Whether text has anything but whitespace once entities are decoded (&amp;nbsp; is whitespace).</summary>
    private static bool IsVisible(ReadOnlySpan<char> text) =>
        text.Contains('&') ? HtmlTokenizer.Decode(text).AsSpan().Trim().Length > 0 : text.Trim().Length > 0;
}
