using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace SiteGen.Search;

/// <summary>
/// Scores every term in every section with BM25 at build time, so the browser only adds numbers.
/// Words in the page title count 3 times in the page's introduction, description words twice,
/// and heading words 4 times in their section (a heading is more specific than the title). Each
/// term keeps its best postings only: enough to rank the top results, without shipping every
/// occurrence of common words.
/// Terms are numbered as they are met and sections hold (term, count) arrays, so tens of
/// thousands of sections cost a few flat arrays rather than a dictionary each.
/// </summary>
public static class SearchIndexBuilder
{
    public const int MaxPostingsPerTerm = 80;
    public const int TitleWeight = 3;
    public const int HeadingWeight = 4;
    public const int DescriptionWeight = 2;
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>One section's weighted term counts and its length in words.</summary>
    private readonly record struct SectionTerms(int[] Terms, int[] Counts, int Length);

    /// <summary>Term numbers handed out by the page readers running in parallel.</summary>
    private sealed class TermNumbers
    {
        public readonly ConcurrentDictionary<string, int> Ids = new(StringComparer.Ordinal);
        private int _next = -1;

        // Two threads meeting a new term at once may both draw a number; one is used, the other
        // becomes a gap, which costs nothing (the terms are put in alphabetical order anyway).
        public int Of(string stem) => Ids.TryGetValue(stem, out var id) ? id : Ids.GetOrAdd(stem, _ => Interlocked.Increment(ref _next));

        public int Count => _next + 1;
    }

    public static SearchIndex Build(IReadOnlyList<SearchPage> pages)
    {
        var numbers = new TermNumbers();
        var sectionsOf = new SectionTerms[pages.Count][];
        var wordsOf = new (int Term, string Word, int Count)[pages.Count][];
        Parallel.For(0, pages.Count, p => (sectionsOf[p], wordsOf[p]) = ReadPage(pages[p], numbers));

        var stems = new string?[numbers.Count];
        foreach (var (stem, id) in numbers.Ids) stems[id] = stem;
        var sections = sectionsOf.SelectMany(s => s).ToArray(); // in page order, then section order
        var pageOf = new int[sections.Length];
        var sectionInPage = new int[sections.Length];
        for (int p = 0, s = 0; p < sectionsOf.Length; p++)
            for (var i = 0; i < sectionsOf[p].Length; i++, s++) (pageOf[s], sectionInPage[s]) = (p, i);

        // Postings grouped by term in flat arrays: count, then place (a counting sort by term).
        var start = new int[stems.Length + 1];
        foreach (var section in sections)
            foreach (var term in section.Terms) start[term + 1]++;
        for (var t = 0; t < stems.Length; t++) start[t + 1] += start[t];
        var postingSection = new int[start[^1]];
        var postingCount = new int[start[^1]];
        var next = start[..^1];
        for (var s = 0; s < sections.Length; s++)
            for (var i = 0; i < sections[s].Terms.Length; i++)
            {
                var at = next[sections[s].Terms[i]]++;
                (postingSection[at], postingCount[at]) = (s, sections[s].Counts[i]);
            }

        var sectionCount = Math.Max(1, sections.Length);
        var averageLength = sections.Length == 0 ? 1 : (double)sections.Sum(s => (long)s.Length) / sections.Length;
        var forms = SurfaceForms(wordsOf, stems.Length);
        var order = Enumerable.Range(0, stems.Length).Where(t => stems[t] is not null).OrderBy(t => stems[t], StringComparer.Ordinal).ToArray();
        var terms = new IndexTerm[order.Length];
        Parallel.For(0, order.Length, n =>
        {
            var term = order[n];
            var count = start[term + 1] - start[term];
            var idf = Math.Log(1 + (sectionCount - count + 0.5) / (count + 0.5));
            // Best score first, then page and section order: one sortable number per posting.
            var keys = new long[count];
            for (var i = 0; i < count; i++)
            {
                var s = postingSection[start[term] + i];
                var tf = postingCount[start[term] + i];
                var bm25 = idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * sections[s].Length / averageLength));
                var score = Math.Max(1, (int)Math.Round(bm25 * 100));
                keys[i] = ((long)(int.MaxValue - score) << 32) | (uint)s;
            }
            Array.Sort(keys);
            var postings = new Posting[Math.Min(count, MaxPostingsPerTerm)];
            for (var i = 0; i < postings.Length; i++)
            {
                var s = (int)(keys[i] & 0xFFFFFFFF);
                postings[i] = new Posting(pageOf[s], sectionInPage[s], int.MaxValue - (int)(keys[i] >> 32));
            }
            terms[n] = new IndexTerm(stems[term]!, forms[term], postings);
        });
        return new SearchIndex(pages, terms);
    }

    /// <summary>A page's sections as term counts, and how often each of its words occurred under which term.</summary>
    private static (SectionTerms[], (int, string, int)[]) ReadPage(SearchPage page, TermNumbers numbers)
    {
        var seen = new Dictionary<string, WordInfo>(StringComparer.Ordinal); // each distinct word of the page, stemmed once
        var counts = new Dictionary<int, int>();
        var sections = new SectionTerms[page.Sections.Count];
        for (var s = 0; s < page.Sections.Count; s++)
        {
            var section = page.Sections[s];
            counts.Clear();
            var length = Add(counts, seen, numbers, section.Text, 1);
            if (s == 0)
            {
                length += Add(counts, seen, numbers, page.Title, TitleWeight);
                length += Add(counts, seen, numbers, page.Description, DescriptionWeight);
            }
            else
            {
                length += Add(counts, seen, numbers, section.Heading, HeadingWeight);
                length += Add(counts, seen, numbers, page.Title, 1);
            }
            sections[s] = new SectionTerms([.. counts.Keys], [.. counts.Values], Math.Max(1, length));
        }
        var words = seen.Values.Where(w => w.Term >= 0 && w.Count > 0).Select(w => (w.Term, w.Word, w.Count)).ToArray();
        return (sections, words);
    }

    /// <summary>For each term, its four most frequent words across the site (ties by spelling).</summary>
    private static IReadOnlyList<string>[] SurfaceForms((int Term, string Word, int Count)[][] wordsOf, int termCount)
    {
        var totals = new Dictionary<string, int>?[termCount];
        foreach (var page in wordsOf)
            foreach (var (term, word, count) in page)
            {
                var forms = totals[term] ??= new Dictionary<string, int>(1, StringComparer.Ordinal);
                CollectionsMarshal.GetValueRefOrAddDefault(forms, word, out _) += count;
            }
        return totals.Select(forms => (IReadOnlyList<string>)(forms ?? [])
            .OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(4).Select(w => w.Key).ToList()).ToArray();
    }

    /// <summary>A distinct word of a page: its term (-1 when it is not indexed) and how often it occurs.</summary>
    private sealed class WordInfo(string word, int term)
    {
        public string Word { get; } = word;
        public int Term { get; } = term;
        public int Count;
    }

    /// <summary>
    /// Adds the text's terms with a weight; returns how many words it held. Words are looked up as
    /// spans of the folded text, so a word seen before on the page costs no allocation and no stemming.
    /// </summary>
    private static int Add(Dictionary<int, int> counts, Dictionary<string, WordInfo> seen, TermNumbers numbers, string text, int weight)
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
                info = new WordInfo(word, SearchText.IsIndexed(word) ? numbers.Of(SearchText.Stem(word)) : -1);
                seen[word] = info;
            }
            if (info.Term < 0) continue;
            info.Count++;
            CollectionsMarshal.GetValueRefOrAddDefault(counts, info.Term, out _) += weight;
        }
        return total;
    }
}
