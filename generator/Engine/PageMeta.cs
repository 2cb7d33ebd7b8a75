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
}
