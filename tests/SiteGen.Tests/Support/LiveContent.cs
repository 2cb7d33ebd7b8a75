namespace SiteGen.Tests.Support;

/// <summary>
/// What in a built page could run code or load something it should not, read as a browser reads
/// it: a script, frame, embed, base, form or style inside the page's content or callout, an event
/// handler anywhere, or a javascript:/vbscript:/data: URL in any link or source.
/// </summary>
public static class LiveContent
{
    private static readonly string[] UrlAttributes = ["href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "data", "cite", "background"];

    public static IReadOnlyList<string> Find(string html)
    {
        var found = new List<string>();
        var dom = Dom.Parse(html);
        foreach (var region in dom.QuerySelectorAll(".page-body, aside.evidence-limitations"))
            foreach (var element in region.QuerySelectorAll("script, iframe, frame, object, embed, base, form, style, link, meta, template"))
                found.Add($"<{element.LocalName}> inside .{region.ClassName}");
        foreach (var element in dom.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    found.Add($"{attribute.Name} on <{element.LocalName}>");
                if (UrlAttributes.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) &&
                    SiteGen.Engine.UrlPaths.Scheme(attribute.Value) is "javascript" or "vbscript" or "data")
                    found.Add($"{attribute.Value} in <{element.LocalName} {attribute.Name}>");
            }
        }
        return found;
    }
}
