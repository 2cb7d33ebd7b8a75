using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>Page structure readers and assistive technology rely on: one h1, and ids used only once.</summary>
public static class CheckStructure
{
    public static void Run(IEnumerable<PageFacts> pages, BuildContext context)
    {
        foreach (var facts in pages)
        {
            if (facts.H1Count != 1)
                context.Diagnostics.Report(CheckRule.SingleH1, "", 0, 0,
                    $"page '{facts.Page.OutputPath}' has {facts.H1Count} h1 headings; it must have exactly one (the layout prints the title).");
            foreach (var id in facts.DuplicateIds)
                context.Diagnostics.Report(CheckRule.DuplicateId, facts.Page.SourcePath.Length > 0 ? facts.Page.SourcePath : "", 0, 0,
                    $"page '{facts.Page.OutputPath}' uses the id '{id}' more than once, so links to '#{id}' are ambiguous.");
        }
    }
}
