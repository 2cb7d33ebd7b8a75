namespace SiteGen.Engine;

/// <summary>A person or organisation credited with a work. Organisations have only <see cref="Literal"/>.</summary>
public sealed record PersonName(string? Family, string? Given, string? Literal = null)
{
    /// <summary>"et al." written as an author: the list was cut short at the source.</summary>
    public bool IsEtAl => Literal is { } literal && literal.Trim().TrimEnd('.').Equals("et al", StringComparison.OrdinalIgnoreCase);

    public string SortKey => (Family ?? Literal ?? "").ToLowerInvariant();
}

/// <summary>
/// One entry of the citations file, whatever format it came from (CSL-JSON or BibTeX).
/// Field names follow CSL, the model Zotero, Mendeley and Pandoc exchange.
/// </summary>
public sealed record Reference
{
    public required string Id { get; init; }
    public string Type { get; init; } = "article-journal";
    public string Title { get; init; } = "";
    public IReadOnlyList<PersonName> Authors { get; init; } = [];
    public string? ContainerTitle { get; init; }
    public string? Volume { get; init; }
    public string? Issue { get; init; }
    public string? Page { get; init; }
    public int? Year { get; init; }
    public int? Month { get; init; }
    public int? Day { get; init; }
    public string? Doi { get; init; }
    public string? Pmid { get; init; }
    public string? Pmcid { get; init; }

    /// <summary>A report's or registration's number (CSL 'number'), e.g. a trial registry id such as NCT03395314: readers can look it up.</summary>
    public string? Number { get; init; }
    public string? Url { get; init; }
    public string? Publisher { get; init; }
    public string? PublisherPlace { get; init; }
    public string? Note { get; init; }

    /// <summary>Study design, sample size and summary fields read from <see cref="Note"/>.</summary>
    public EvidenceNote Evidence { get; init; } = EvidenceNote.Empty;

    /// <summary>Retractions, withdrawals, expressions of concern and corrections, from the citations lock (never fetched by a build).</summary>
    public IReadOnlyList<ReferenceNotice> Notices { get; init; } = [];

    /// <summary>Where the entry starts in its file, for messages about it.</summary>
    public string SourceFile { get; init; } = "";
    public int SourceLine { get; init; }

    /// <summary>Authors without the "et al." marker.</summary>
    public IEnumerable<PersonName> NamedAuthors => Authors.Where(a => !a.IsEtAl);

    /// <summary>True when the file listed only some of the authors.</summary>
    public bool AuthorsTruncated => Authors.Any(a => a.IsEtAl);

    public string SortKey => (NamedAuthors.FirstOrDefault()?.SortKey ?? Title.ToLowerInvariant()) + " " + (Year ?? 0) + " " + Id;
}
