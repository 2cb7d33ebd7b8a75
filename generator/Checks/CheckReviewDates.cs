using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// Medical content must be re-reviewed: `sitegen check` warns about pages whose last review is
/// older than the site's limit (site.yml 'review_max_age_months', 12 by default), and about pages
/// that were never reviewed. Only `check` runs it, so a build never depends on today's date.
/// </summary>
public sealed class CheckReviewDates(DateOnly today) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var months = context.Config.ReviewMaxAgeMonths;
        var oldest = today.AddMonths(-months);
        foreach (var page in documents.Where(d => d.Kind == DocumentKind.Page).OrderBy(d => d.SourcePath, StringComparer.Ordinal))
        {
            if (page.Meta.Reviewed is not { } reviewed)
                context.Diagnostics.Report(CheckRule.ReviewOverdue, page.SourcePath, 1, 1,
                    "the page has no 'reviewed' date; medical content needs a dated review before it is published.");
            else if (reviewed < oldest)
                context.Diagnostics.Report(CheckRule.ReviewOverdue, page.SourcePath, 1, 1,
                    $"last reviewed on {reviewed:yyyy-MM-dd}, more than {months} months ago; review the page and update 'reviewed'.");
            else if (reviewed > today)
                context.Diagnostics.Report(CheckRule.ReviewOverdue, page.SourcePath, 1, 1,
                    $"'reviewed' is {reviewed:yyyy-MM-dd}, a date in the future; use the date of the actual review.");
        }
        return documents;
    }
}
