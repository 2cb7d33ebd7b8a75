namespace SiteGen.Search;

/// <summary>
/// Scores every term in every section with BM25 at build time, so the browser only adds numbers.
/// Words in the page title count 3 times in the page's introduction, description words twice,
/// and heading words 4 times in their section (a heading is more specific than the title). Each term keeps its best postings only: enough
/// to rank the top results, without shipping every occurrence of common words.
/// </summary>
public static class SearchIndexBuilder
{
    public const int MaxPostingsPerTerm = 80;
    public const int TitleWeight = 3;
    public const int HeadingWeight = 4;
    public const int DescriptionWeight = 2;
    private const double K1 = 1.2;
    private const double B = 0.75;

    public static SearchIndex Build(IReadOnlyList<SearchPage> pages)
    {
        // Weighted term counts per section (pages in parallel), and how often each word gave each stem.
        var perPage = new (List<(int Page, int Section, Dictionary<string, int> Counts, int Length)> Sections, Dictionary<string, Dictionary<string, int>> Words)[pages.Count];
        Parallel.For(0, pages.Count, p =>
        {
            var page = pages[p];
            var seen = new Dictionary<string, WordInfo>(StringComparer.Ordinal); // each distinct word of the page, stemmed once
            var list = new List<(int, int, Dictionary<string, int>, int)>(page.Sections.Count);
            for (var s = 0; s < page.Sections.Count; s++)
            {
                var section = page.Sections[s];
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                var length = Add(counts, seen, section.Text, 1);
                if (s == 0)
                {
                    length += Add(counts, seen, page.Title, TitleWeight);
                    length += Add(counts, seen, page.Description, DescriptionWeight);
                }
                else
                {
                    length += Add(counts, seen, section.Heading, HeadingWeight);
                    length += Add(counts, seen, page.Title, 1);
                }
                list.Add((p, s, counts, Math.Max(1, length)));
            }
            var pageWords = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            foreach (var info in seen.Values)
            {
                if (info.Stem is null || info.Count == 0) continue;
                if (!pageWords.TryGetValue(info.Stem, out var forms)) pageWords[info.Stem] = forms = new(StringComparer.Ordinal);
                forms[info.Word] = info.Count;
            }
            perPage[p] = (list, pageWords);
        });
        var sectionTerms = perPage.SelectMany(p => p.Sections).ToList();
        var words = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        foreach (var (_, pageWords) in perPage) // merged in page order, so the result does not depend on threads
            foreach (var (stem, forms) in pageWords)
            {
                if (!words.TryGetValue(stem, out var all)) words[stem] = all = new(StringComparer.Ordinal);
                foreach (var (form, count) in forms) all[form] = all.GetValueOrDefault(form) + count;
            }

        var firstSection = new int[pages.Count];
        for (var p = 1; p < pages.Count; p++) firstSection[p] = firstSection[p - 1] + pages[p - 1].Sections.Count;
        var sectionCount = Math.Max(1, sectionTerms.Count);
        var averageLength = sectionTerms.Count == 0 ? 1 : sectionTerms.Average(t => t.Length);
        var postings = new Dictionary<string, List<Posting>>(StringComparer.Ordinal);
        foreach (var (page, section, counts, length) in sectionTerms)
            foreach (var (stem, count) in counts)
            {
                if (!postings.TryGetValue(stem, out var list)) postings[stem] = list = [];
                list.Add(new Posting(page, section, count)); // the count for now; scored below once df is known
            }

        var terms = new List<IndexTerm>(postings.Count);
        foreach (var stem in postings.Keys.Order(StringComparer.Ordinal))
        {
            var list = postings[stem];
            var idf = Math.Log(1 + (sectionCount - list.Count + 0.5) / (list.Count + 0.5));
            var scored = list.Select(posting =>
            {
                var length = sectionTerms[firstSection[posting.Page] + posting.Section].Length;
                var tf = posting.Score;
                var bm25 = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / averageLength));
                return posting with { Score = Math.Max(1, (int)Math.Round(bm25 * 100)) };
            })
            .OrderByDescending(p => p.Score).ThenBy(p => p.Page).ThenBy(p => p.Section)
            .Take(MaxPostingsPerTerm)
            .ToList();
            var surface = words[stem].OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(4).Select(w => w.Key).ToList();
            terms.Add(new IndexTerm(stem, surface, scored));
        }
        return new SearchIndex(pages, terms);
    }

    /// <summary>A distinct word of a page: its stem (null when it is not indexed) and how often it occurs.</summary>
    private sealed class WordInfo(string word, string? stem)
    {
        public string Word { get; } = word;
        public string? Stem { get; } = stem;
        public int Count;
    }

    /// <summary>
    /// Adds the text's terms with a weight; returns how many words it held. Words are looked up as
    /// spans of the folded text, so a word seen before on the page costs no allocation and no stemming.
    /// </summary>
    private static int Add(Dictionary<string, int> counts, Dictionary<string, WordInfo> seen, string text, int weight)
    {
        var folded = SearchText.Fold(text);
        var lookup = seen.GetAlternateLookup<ReadOnlySpan<char>>();
        var total = 0;
        foreach (var (start, length) in SearchText.WordRanges(folded))
        {
            total++;
            var span = folded.AsSpan(start, length);
            if (!lookup.TryGetValue(span, out var info))
            {
                var word = span.ToString();
                info = new WordInfo(word, SearchText.IsIndexed(word) ? SearchText.Stem(word) : null);
                seen[word] = info;
            }
            if (info.Stem is null) continue;
            info.Count++;
            System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, info.Stem, out _) += weight;
        }
        return total;
    }
}
