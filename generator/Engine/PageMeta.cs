namespace SiteGen.Engine;

/// <summary>Front matter of a page, as documented in README.md.</summary>
public sealed record PageMeta
{
    public static readonly PageMeta Empty = new();

    public string? Title { get; init; }
    public string? Description { get; init; }
    public int? Order { get; init; }
    public DateOnly? Reviewed { get; init; }
    public IReadOnlyList<string> Reviewers { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Page-specific points added to the evidence-limitations callout.</summary>
    public IReadOnlyList<string> Limitations { get; init; } = [];

    /// <summary>Title shown in navigation when shorter than the page title.</summary>
    public string? NavTitle { get; init; }
}
