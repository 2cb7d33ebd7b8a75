using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// Medical content is reviewed on a cycle: each page is due again its review interval after its
/// 'reviewed' date (front matter 'review_interval_months', else site.yml's, 12 by default).
/// `sitegen check` says when a review falls due within 30 days (review-due, a warning) and when
/// it is overdue or missing (review-overdue, an error); both are configurable under 'checks:'.
/// Only `check` and `review` compare with today, so a build never depends on the date.
/// </summary>
public sealed class CheckReviewDates(DateOnly today) : IModule
{
    /// <summary>How far ahead a coming review is announced.</summary>
    public const int DueSoonDays = 30;

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        foreach (var page in documents.Where(d => d.Kind == DocumentKind.Page).OrderBy(d => d.SourcePath, StringComparer.Ordinal))
        {
            var meta = page.Meta;
            var line = meta.ReviewedLine;
            if (meta.Reviewed is not { } reviewed)
                context.Diagnostics.Report(CheckRule.ReviewOverdue, page.SourcePath, line, 1,
                    "the page has no 'reviewed' date; medical content needs a dated review before it is published.");
            else if (reviewed > today)
                context.Diagnostics.Report(CheckRule.ReviewOverdue, page.SourcePath, line, 1,
                    $"'reviewed' is {reviewed:yyyy-MM-dd}, a date in the future; use the date of the actual review.");
            else if (meta.NextReview(context.Config) is { } due && due < today)
                context.Diagnostics.Report(CheckRule.ReviewOverdue, page.SourcePath, line, 1,
                    $"the review was due on {due:yyyy-MM-dd} ({meta.ReviewIntervalMonths ?? context.Config.ReviewIntervalMonths} months after the last, on {reviewed:yyyy-MM-dd}); " +
                    "review the page and update 'reviewed'.");
            else if (meta.NextReview(context.Config) is { } soon && soon.DayNumber - today.DayNumber <= DueSoonDays)
                context.Diagnostics.Report(CheckRule.ReviewDue, page.SourcePath, line, 1,
                    $"the page is due for review on {soon:yyyy-MM-dd}, in {soon.DayNumber - today.DayNumber} days; plan the review.");
        }
        return documents;
    }
}
