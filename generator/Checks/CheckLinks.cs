using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// Every internal link and resource in the built pages resolves to a published file, and every
/// #fragment to an id on the target page (two passes, as DocFX does: collect ids, then check).
/// A broken link written in Markdown is reported at its source line; one from the theme at the page.
/// </summary>
public static class CheckLinks
{
    public static void Run(IReadOnlyList<PageFacts> pages, IReadOnlyList<Document> documents, BuildContext context)
    {
        var published = documents.Where(d => d.OutputPath.Length > 0).Select(d => d.OutputPath).ToHashSet(StringComparer.Ordinal);
        var idsByPage = pages.ToDictionary(p => p.Page.OutputPath, p => p.Ids, StringComparer.Ordinal);
        foreach (var facts in pages)
            foreach (var link in facts.Links)
                if (Problem(link.Url, facts.Page.OutputPath, published, idsByPage) is { } problem)
                    Report(facts.Page, link, problem, problem.Contains("'#", StringComparison.Ordinal) ? CheckRule.MissingAnchor
                        : link.Element == "img" ? CheckRule.MissingImage : CheckRule.BrokenLink, context);
    }

    private static string? Problem(string url, string from, HashSet<string> published, Dictionary<string, IReadOnlySet<string>> ids)
    {
        if (url.StartsWith("//", StringComparison.Ordinal) || UrlPaths.Scheme(url) is not null) return null;
        if (url.StartsWith('/')) return "starts with '/', which breaks under a subpath and from disk";
        var hash = url.IndexOf('#');
        var fragment = hash < 0 ? null : Uri.UnescapeDataString(url[(hash + 1)..]);
        var path = hash < 0 ? url : url[..hash];
        if (path.IndexOf('?') is var query and >= 0) path = path[..query];
        string target;
        if (path.Length == 0) target = from;
        else
        {
            var resolved = UrlPaths.Resolve(from, Uri.UnescapeDataString(path));
            if (resolved is null) return "climbs above the site root";
            target = path.EndsWith('/') || resolved.Length == 0 ? (resolved.Length == 0 ? "index.html" : resolved + "/index.html") : resolved;
            if (!published.Contains(target)) return $"points to '{target}', which the site does not contain";
        }
        if (fragment is null or "" or "top") return null;
        if (ids.TryGetValue(target, out var targetIds) && !targetIds.Contains(fragment))
            return $"points to '#{fragment}', which '{target}' does not have";
        return null;
    }

    private static void Report(Document page, PageLink link, string problem, string rule, BuildContext context)
    {
        var written = page.Links.FirstOrDefault(l => l.Url == link.Url);
        if (written is { AlreadyReported: true }) return; // reported at its Markdown line when it was rewritten
        if (written is not null)
            context.Diagnostics.Report(rule, page.SourcePath, written.Line, written.Column, $"link '{link.Url}' {problem}.");
        else
            context.Diagnostics.Report(rule, "", 0, 0, $"page '{page.OutputPath}': <{link.Element}> '{link.Url}' {problem}.");
    }
}
