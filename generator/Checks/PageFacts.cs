using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using SiteGen.Engine;
using Document = SiteGen.Engine.Document;

namespace SiteGen.Checks;

/// <summary>A link or resource reference found in a built page.</summary>
public sealed record PageLink(string Element, string Url);

/// <summary>
/// What the checks need from one built page, read from a single AngleSharp parse, so the DOM is
/// parsed once however many checks run.
/// </summary>
public sealed record PageFacts(
    Document Page,
    IReadOnlySet<string> Ids,
    IReadOnlyList<string> DuplicateIds,
    IReadOnlyList<PageLink> Links,
    IReadOnlyList<string> ImagesWithoutAlt,
    IReadOnlyList<string> EmptyLinks,
    int CalloutCount,
    bool CalloutHasHeading,
    bool CalloutBeforeContent,
    int H1Count)
{
    public static PageFacts Read(Document page)
    {
        var dom = new HtmlParser().ParseDocument(page.Content);
        var idList = dom.QuerySelectorAll("[id]").Select(e => e.Id!).ToList();
        var ids = idList.Concat(dom.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!)).ToHashSet(StringComparer.Ordinal);
        var duplicates = idList.GroupBy(id => id, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).Order(StringComparer.Ordinal).ToList();
        var links = new List<PageLink>();
        foreach (var element in dom.QuerySelectorAll("a[href], area[href], link[href], img[src], script[src], source[src], iframe[src]"))
        {
            var attribute = element.HasAttribute("href") ? "href" : "src";
            links.Add(new PageLink(element.LocalName, element.GetAttribute(attribute)!));
        }
        var callouts = dom.QuerySelectorAll($"aside.{Callout.RenderCallout.CssClass}[role=note]");
        var callout = callouts.FirstOrDefault();
        // Images need an alt attribute (alt="" marks a decorative one); links need a name to read out.
        var withoutAlt = dom.QuerySelectorAll("img:not([alt])").Select(i => i.GetAttribute("src") ?? "").ToList();
        var emptyLinks = dom.QuerySelectorAll("a[href]")
            .Where(a => a.TextContent.Trim().Length == 0 && string.IsNullOrWhiteSpace(a.GetAttribute("aria-label")) &&
                        !a.QuerySelectorAll("img[alt]").Any(i => i.GetAttribute("alt")!.Trim().Length > 0))
            .Select(a => a.GetAttribute("href")!).ToList();
        return new PageFacts(page, ids, duplicates, links, withoutAlt, emptyLinks,
            callouts.Length,
            callout?.QuerySelector("h1, h2, h3, h4, h5, h6") is { TextContent.Length: > 0 },
            callout is not null && IsBeforeContent(callout, dom),
            dom.QuerySelectorAll("h1").Length);
    }

    /// <summary>The callout must come before the page's own text (the theme's .page-body).</summary>
    private static bool IsBeforeContent(IElement callout, IDocument dom)
    {
        var body = dom.QuerySelector(".page-body");
        return body is null || callout.CompareDocumentPosition(body).HasFlag(DocumentPositions.Following);
    }
}
