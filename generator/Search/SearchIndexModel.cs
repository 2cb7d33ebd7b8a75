namespace SiteGen.Search;

/// <summary>Where a term occurs: page number, section number within the page, and its score there.</summary>
public readonly record struct Posting(int Page, int Section, int Score);

/// <summary>A term of the index: its stem, the words it came from (for prefix matching and suggestions), and its best postings.</summary>
public sealed record IndexTerm(string Stem, IReadOnlyList<string> Words, IReadOnlyList<Posting> Postings);

/// <summary>The whole index before it is written out as script files.</summary>
public sealed record SearchIndex(IReadOnlyList<SearchPage> Pages, IReadOnlyList<IndexTerm> Terms);
