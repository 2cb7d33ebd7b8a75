
namespace SiteGen.Engine;

/// <summary>
/// The named checks whose severity a site may change in site.yml under 'checks:'
/// (error, warning or off), with their defaults.
/// </summary>
public static class CheckRule
{
    public const string BrokenLink = "broken-link";
    public const string MissingAnchor = "missing-anchor";
    public const string MissingImage = "missing-image";
    public const string ImageAlt = "image-alt";
    public const string EmptyLink = "empty-link";
    public const string DuplicateId = "duplicate-id";
    public const string SingleH1 = "single-h1";
    public const string HeadingOrder = "heading-order";
    public const string Callout = "callout";
    public const string ExternalLink = "external-link";
    public const string ExternalRedirect = "external-redirect";
    public const string UnusedCitation = "unused-citation";
    public const string CitationWithoutLink = "citation-without-link";
    public const string UnsafeHtml = "unsafe-html";
    public const string StaleOutput = "stale-output";
    public const string ReviewOverdue = "review-overdue";
    public const string ReviewDue = "review-due";
    public const string FeedbackRoute = "feedback-route";
    public const string UnreviewedChange = "unreviewed-change";
    public const string Redirect = "redirect";
    public const string ReadingGrade = "reading-grade";
    public const string DraftPage = "draft-page";
    public const string UndefinedTerm = "undefined-term";
    public const string ReferenceMismatch = "reference-mismatch";
    public const string RetractedReference = "retracted-reference";
    public const string CorrectedReference = "corrected-reference";
    public const string UnverifiedReference = "unverified-reference";

    public static readonly IReadOnlyDictionary<string, Severity> Defaults = new Dictionary<string, Severity>
    {
        [BrokenLink] = Severity.Error, [MissingAnchor] = Severity.Error, [MissingImage] = Severity.Error,
        [ImageAlt] = Severity.Error, [EmptyLink] = Severity.Error, [DuplicateId] = Severity.Error,
        [SingleH1] = Severity.Error, [HeadingOrder] = Severity.Warning, [Callout] = Severity.Error,
        [ExternalLink] = Severity.Error, [ExternalRedirect] = Severity.Warning, [UnusedCitation] = Severity.Warning,
        [CitationWithoutLink] = Severity.Warning, [UnsafeHtml] = Severity.Warning, [StaleOutput] = Severity.Warning,
        [ReviewOverdue] = Severity.Error, [ReviewDue] = Severity.Warning, [FeedbackRoute] = Severity.Warning, [UnreviewedChange] = Severity.Error,
        [Redirect] = Severity.Error, [ReadingGrade] = Severity.Warning, [DraftPage] = Severity.Warning, [UndefinedTerm] = Severity.Warning,
        [ReferenceMismatch] = Severity.Error, [RetractedReference] = Severity.Error, [CorrectedReference] = Severity.Warning,
        [UnverifiedReference] = Severity.Warning,
    };
}
