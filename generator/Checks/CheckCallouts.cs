using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>Every page carries exactly one evidence-limitations callout, with a heading, before its content.</summary>
public sealed class CheckCallouts : PageFactsCheck
{
    protected override void Check(IReadOnlyList<(Document Page, PageFacts Facts)> pages, BuildContext context)
    {
        foreach (var (page, facts) in pages)
        {
            var where = page.OutputPath;
            var problem =
                facts.CalloutCount == 0 ? $"page '{where}' has no evidence-limitations callout; the theme's layout must include {{{{ page.callout }}}}."
                : facts.CalloutCount > 1 ? $"page '{where}' has {facts.CalloutCount} evidence-limitations callouts; it must have exactly one."
                : !facts.CalloutHasHeading ? $"page '{where}': the evidence-limitations callout has no heading."
                : !facts.CalloutBeforeContent ? $"page '{where}': the evidence-limitations callout must come before the page content."
                : null;
            if (problem is not null) context.Diagnostics.Report(CheckRule.Callout, "", 0, 0, problem);
        }
    }
}
