using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// What readers and assistive technology rely on in the built page: one h1, ids used once, alt
/// text on every image and a name on every link - including those written as raw HTML or
/// coming from the theme, which the Markdown lint cannot see.
/// </summary>
public sealed class CheckStructure : PageFactsCheck
{
    protected override void Check(IReadOnlyList<(Document Page, PageFacts Facts)> pages, BuildContext context)
    {
        foreach (var (page, facts) in pages)
        {
            if (facts.H1Count != 1)
                context.Diagnostics.Report(CheckRule.SingleH1, "", 0, 0,
                    $"page '{page.OutputPath}' has {facts.H1Count} h1 headings; it must have exactly one (the layout prints the title).");
            // Images and links written in Markdown are reported at their line, by the Markdown lint.
            bool Written(string url) => page.Links.Any(l => l.Url == url);
            foreach (var src in facts.ImagesWithoutAlt.Where(s => !Written(s)))
                context.Diagnostics.Report(CheckRule.ImageAlt, page.SourcePath, 0, 0,
                    $"page '{page.OutputPath}': image '{src}' has no alt attribute; describe it, or write alt=\"\" if it is decoration.");
            foreach (var href in facts.EmptyLinks.Where(h => !Written(h)))
                context.Diagnostics.Report(CheckRule.EmptyLink, page.SourcePath, 0, 0,
                    $"page '{page.OutputPath}': link '{href}' has no text, so screen readers can only read out its address.");
            foreach (var id in facts.DuplicateIds)
                context.Diagnostics.Report(CheckRule.DuplicateId, page.SourcePath.Length > 0 ? page.SourcePath : "", 0, 0,
                    $"page '{page.OutputPath}' uses the id '{id}' more than once, so links to '#{id}' are ambiguous.");
        }
    }
}
