using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// A site for patients must give readers a way to report a problem with a page (the PIF TICK
/// criteria ask for one): `check` warns (rule 'feedback-route') when site.yml sets neither
/// 'feedback_url' nor 'report_url', and no GitHub repository gives a new-issue form.
/// </summary>
public sealed class CheckFeedbackRoute : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var config = context.Config;
        var forPatients = documents.Any(d => d.Kind == DocumentKind.Page && string.Equals(d.Meta.Audience ?? config.Audience, "Patient", StringComparison.OrdinalIgnoreCase));
        if (forPatients && config.FeedbackUrl is null && config.ReportAddress is null)
            context.Diagnostics.Report(CheckRule.FeedbackRoute, SiteConfig.FileName, 1, 1,
                "readers have no way to report a problem with a page; set 'feedback_url' in site.yml, such as " +
                "https://github.com/OWNER/REPO/issues/new?title={title} or mailto:editors@example.org?subject={title} ({path} is the page's path).");
        return documents;
    }
}
