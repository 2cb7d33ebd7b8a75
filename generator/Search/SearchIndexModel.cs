namespace SiteGen.Search;

/// <summary>Where a term occurs: page number, section number within the page, and its score there.</summary>
public readonly record struct Posting(int Page, int Section, int Score);

/// <summary>A term of the index: its stem, the words it came from (for prefix matching and suggestions), and its best postings.</summary>
public sealed record IndexTerm(string Stem, IReadOnlyList<string> Words, IReadOnlyList<Posting> Postings);

/// <summary>
/// One of a page's most telling terms: the term's number (its place in <see cref="SearchIndex.Terms"/>)
/// and its best score on the page. Search ranks again the pages that resemble its best results.
/// </summary>
public readonly record struct Keyword(int Term, int Score);

/// <summary>
/// Every page's keywords, by term number, in one array of <paramref name="PerPage"/> places a
/// page (page p's are the <c>Count[p]</c> from <c>p * PerPage</c> on): one allocation for the
/// site rather than a small array a page, which at 100,000 pages the collector would walk.
/// </summary>
public sealed record PageKeywords(Keyword[] All, int[] Count, int PerPage)
{
    public int Pages => Count.Length;

    public ReadOnlySpan<Keyword> Of(int page) => All.AsSpan(page * PerPage, Count[page]);
}

/// <summary>The whole index before it is written out as script files: pages, terms, and each page's keywords.</summary>
public sealed record SearchIndex(IReadOnlyList<SearchPage> Pages, IReadOnlyList<IndexTerm> Terms, PageKeywords Keywords);
