using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>Every page carries exactly one evidence-limitations callout, with a heading, before its content.</summary>
public static class CheckCallouts
{
    public static void Run(IEnumerable<PageFacts> pages, BuildContext context)
    {
        foreach (var facts in pages)
        {
            var where = facts.Page.OutputPath;
            if (facts.CalloutCount == 0)
                context.Diagnostics.Error($"page '{where}' has no evidence-limitations callout; the theme's layout must include {{{{ page.callout }}}}.");
            else if (facts.CalloutCount > 1)
                context.Diagnostics.Error($"page '{where}' has {facts.CalloutCount} evidence-limitations callouts; it must have exactly one.");
            else if (!facts.CalloutHasHeading)
                context.Diagnostics.Error($"page '{where}': the evidence-limitations callout has no heading.");
            else if (!facts.CalloutBeforeContent)
                context.Diagnostics.Error($"page '{where}': the evidence-limitations callout must come before the page content.");
        }
    }
}
