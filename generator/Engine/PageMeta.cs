namespace SiteGen.Engine;

/// <summary>Someone who reviewed a page: a name, and optionally the role they reviewed it in and their credentials.</summary>
public sealed record Reviewer(string Name, string? Role = null, string? Credentials = null);

/// <summary>Front matter of a page, as documented in README.md.</summary>
public sealed record PageMeta
{
    public static readonly PageMeta Empty = new();

    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? Order { get; init; }
    public DateOnly? Reviewed { get; init; }

    /// <summary>The line of 'reviewed' in the page (1 when it has none), for messages about the review.</summary>
    public int ReviewedLine { get; init; } = 1;
    public IReadOnlyList<Reviewer> Reviewers { get; init; } = [];

    /// <summary>How far the page's review has gone (front matter 'review_status'), one of <see cref="ReviewStatuses"/>; null when not said.</summary>
    public string? ReviewStatus { get; init; }

    /// <summary>Who the page is written for (front matter 'audience'), over the site's; null takes the site's.</summary>
    public string? Audience { get; init; }

    /// <summary>The review statuses a page may declare, from the least reviewed.</summary>
    public static readonly string[] ReviewStatuses = ["draft", "editor-checked", "clinician-reviewed"];
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Page-specific points added to the evidence-limitations callout.</summary>
    public IReadOnlyList<string> Limitations { get; init; } = [];

    /// <summary>Title shown in navigation when shorter than the page title.</summary>
    public string? NavTitle { get; init; }

    /// <summary>Months until the page is due for review again (front matter 'review_interval_months'); null takes the site's.</summary>
    public int? ReviewIntervalMonths { get; init; }

    /// <summary>The page's change log (front matter 'changes'), newest first.</summary>
    public IReadOnlyList<PageChange> Changes { get; init; } = [];

    /// <summary>Paths the page had before (front matter 'redirect_from'), as output paths, each with its position.</summary>
    public IReadOnlyList<NamedFile> RedirectFrom { get; init; } = [];

    /// <summary>The date the page is due for review: its last review plus its interval; null when never reviewed.</summary>
    public DateOnly? NextReview(SiteConfig config) => Reviewed?.AddMonths(ReviewIntervalMonths ?? config.ReviewIntervalMonths);

    /// <summary>The newest change's date, or the review's when the page logs none: when its content last changed.</summary>
    public DateOnly? Modified => Changes.Count > 0 ? Changes.Max(c => c.Date) : Reviewed;
}

/// <summary>A change to a page, as its front matter logs it: when, what, and whether it changes clinical content.</summary>
public sealed record PageChange(DateOnly Date, string Summary, string Type, int Line)
{
    public const string Clinical = "clinical";
    public const string Editorial = "editorial";
    public static readonly string[] Types = [Clinical, Editorial];

    public bool IsClinical => Type == Clinical;
}
