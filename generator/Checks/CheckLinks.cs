using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// Every internal link and resource in the built pages resolves to a published file, and every
/// #fragment to an id on the target page (two passes, as DocFX does: each page's links are
/// resolved as it is built, and fragments on other pages once every page's ids are known).
/// A broken link written in Markdown is reported at its source line; one from the theme at the page.
/// </summary>
public sealed class CheckLinks : PageFactsCheck
{
    /// <summary>The page's links that need reporting or a second look; links that are fine are dropped.</summary>
    public static IReadOnlyList<PageLink> Resolve(IReadOnlyList<PageLink> links, string page, IReadOnlySet<string> ids, LinkResolver resolver)
    {
        var folder = UrlPaths.Folder(page);
        List<PageLink>? kept = null;
        foreach (var link in links)
            if (Keep(link, resolver.Resolve(page, folder, link.Url), page, ids) is { } keep) (kept ??= []).Add(keep);
        return kept ?? [];
    }

    private static PageLink? Keep(PageLink link, LinkOutcome outcome, string page, IReadOnlySet<string> ids)
    {
        if (outcome.Problem is not null) return link with { Problem = outcome.Problem };
        if (outcome.Fragment is null or "" or "top") return null;
        // A fragment on this page is checked now; one on another page once every page's ids are known.
        if (outcome.Target != page) return link with { Target = outcome.Target, Fragment = outcome.Fragment };
        return ids.Contains(outcome.Fragment) ? null : link with { Problem = Missing(outcome.Fragment, page) };
    }

    protected override void Check(IReadOnlyList<(Document Page, PageFacts Facts)> pages, BuildContext context)
    {
        var idsByPage = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var (page, facts) in pages) idsByPage.TryAdd(page.OutputPath, facts.Ids); // two pages on one URL are reported already
        foreach (var (page, facts) in pages)
            foreach (var link in facts.Links)
            {
                var problem = link.Problem;
                if (problem is null && link.Target is { } target && idsByPage.TryGetValue(target, out var ids) && !ids.Contains(link.Fragment!))
                    problem = Missing(link.Fragment!, target);
                if (problem is not null)
                    Report(page, link, problem, problem.Contains("'#", StringComparison.Ordinal) ? CheckRule.MissingAnchor
                        : link.Element == "img" ? CheckRule.MissingImage : CheckRule.BrokenLink, context);
            }
    }

    private static string Missing(string fragment, string target) => $"points to '#{fragment}', which '{target}' does not have";

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
