using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Checks;
using SiteGen.Search;

namespace SiteGen.Tests.Support;

/// <summary>
/// The page facts and search sections as a full HTML DOM (AngleSharp) sees them. The build reads
/// pages with a one-pass tokenizer for speed; tests hold it to the same answers as this.
/// </summary>
public static class AngleSharpOracle
{
    public static PageFacts Facts(string html)
    {
        var dom = new HtmlParser().ParseDocument(html);
        var idList = dom.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        var ids = idList.Concat(dom.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!)).ToHashSet(StringComparer.Ordinal);
        var duplicates = idList.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var links = dom.QuerySelectorAll("a[href], area[href], link[href], img[src], script[src], source[src], iframe[src]")
            .Select(e => new PageLink(e.LocalName, e.GetAttribute(e.LocalName is "a" or "area" or "link" ? "href" : "src")!)).ToList();
        var callouts = dom.QuerySelectorAll($"aside.{SiteGen.Callout.RenderCallout.CssClass}[role=note]");
        var callout = callouts.FirstOrDefault();
        var withoutAlt = dom.QuerySelectorAll("img:not([alt])").Select(i => i.GetAttribute("src") ?? "").ToList();
        var emptyLinks = dom.QuerySelectorAll("a[href]")
            .Where(a => a.TextContent.Trim().Length == 0 && string.IsNullOrWhiteSpace(a.GetAttribute("aria-label")) &&
                        !a.QuerySelectorAll("img[alt]").Any(i => i.GetAttribute("alt")!.Trim().Length > 0))
            .Select(a => a.GetAttribute("href")!).ToList();
        var body = dom.QuerySelector(".page-body");
        return new PageFacts(ids, duplicates, links, withoutAlt, emptyLinks, callouts.Length,
            callout?.QuerySelector("h1, h2, h3, h4, h5, h6") is { TextContent.Length: > 0 },
            callout is not null && (body is null || callout.CompareDocumentPosition(body).HasFlag(DocumentPositions.Following)),
            dom.QuerySelectorAll("h1").Length);
    }

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "ul", "ol", "div", "section", "table", "tr", "td", "th", "blockquote", "pre", "dd", "dt", "br", "hr",
        "figcaption", "h4", "h5", "h6",
    };

    public static IReadOnlyList<SearchSection> Sections(string bodyHtml, string pageTitle)
    {
        var body = new HtmlParser().ParseDocument("<body>" + bodyHtml + "</body>").Body!;
        foreach (var skipped in body.QuerySelectorAll(".citation-preview, .glossary-tip, .backlinks, .footnote-back-ref, .heading-link, .chart").ToList()) skipped.Remove();
        var sections = new List<SearchSection>();
        var heading = pageTitle;
        var anchor = "";
        var text = new StringBuilder();

        void Flush()
        {
            var content = Collapse(text.ToString());
            if (content.Length > 0 || anchor.Length > 0) sections.Add(new SearchSection(heading, anchor, content));
            text.Clear();
        }

        void Walk(INode node)
        {
            if (node is IElement element)
            {
                if (element.LocalName is "h2" or "h3")
                {
                    Flush();
                    heading = Collapse(element.TextContent);
                    anchor = element.Id ?? "";
                    return;
                }
                var block = Blocks.Contains(element.LocalName);
                if (block) text.Append(' ');
                foreach (var child in element.ChildNodes) Walk(child);
                if (block) text.Append(' ');
            }
            else if (node.NodeType == NodeType.Text) text.Append(node.TextContent);
        }

        foreach (var child in body.ChildNodes) Walk(child);
        Flush();
        return sections;
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split([' ', '\n', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}
