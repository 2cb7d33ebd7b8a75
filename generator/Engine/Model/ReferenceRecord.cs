namespace SiteGen.Engine;

/// <summary>
/// What a registry holds for a cited work (Crossref for a DOI, PubMed for a PMID), reduced to the
/// fields an entry is compared on. Kept in the citations lock file, so builds never fetch it.
/// </summary>
public sealed record ReferenceRecord
{
    /// <summary>Where it came from: "crossref" or "pubmed".</summary>
    public required string Source { get; init; }
    public string? Title { get; init; }
    public string? FirstAuthor { get; init; }
    public int? Year { get; init; }

    /// <summary>Other years the registry gives (print and online publication): an entry may use any.</summary>
    public IReadOnlyList<int> OtherYears { get; init; } = [];
    public IReadOnlyList<string> ContainerTitles { get; init; } = [];
    public string? Volume { get; init; }
    public string? Page { get; init; }
    public string? Doi { get; init; }
    public string? Pmid { get; init; }
    public IReadOnlyList<ReferenceNotice> Notices { get; init; } = [];

    /// <summary>"'Title' (Family 2019)", for messages.</summary>
    public string Describe() => $"'{Title}' ({FirstAuthor ?? "no author"} {Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no year"})";
}

/// <summary>A notice published about a work: a retraction, withdrawal, expression of concern or correction.</summary>
/// <param name="Kind">One of <see cref="Kinds"/>.</param>
/// <param name="Doi">The notice's own DOI, when the registry gives it.</param>
/// <param name="Date">The notice's date, yyyy-mm-dd (or shorter when only the year or month is known).</param>
public sealed record ReferenceNotice(string Kind, string? Doi, string? Date)
{
    public const string Retraction = "retraction";
    public const string Withdrawal = "withdrawal";
    public const string ExpressionOfConcern = "expression-of-concern";
    public const string Correction = "correction";

    public static readonly string[] Kinds = [Retraction, Withdrawal, ExpressionOfConcern, Correction];

    /// <summary>A retraction or withdrawal: the work should no longer be relied on.</summary>
    public bool Withdraws => Kind is Retraction or Withdrawal;
}
