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

    public static SearchIndex Build(IReadOnlyList<SearchPage> pages, int storedText = int.MaxValue) =>
        Build(pages.Count, (p, body) =>
        {
            body.Load(pages[p].Sections);
            return pages[p];
        }, storedText);

    /// <summary>
    /// Reads each page on a worker: <paramref name="readPage"/> fills the worker's
    /// <see cref="BodyText"/> with the page's sections and returns the page's URL, title and
    /// description. Its terms are counted at once, and only the first <paramref name="storedText"/>
    /// characters of each section - what the index files carry for snippets - become strings, so
    /// the full text of the pages is never held at the same time.
    /// </summary>
    public static SearchIndex Build(int pageCount, Func<int, BodyText, SearchPage> readPage, int storedText, ParallelOptions? parallelism = null)
    {
        parallelism ??= new ParallelOptions();
        var numbers = new TermNumbers();
        var sectionsOf = new SectionTerms[pageCount][];
        var pages = new SearchPage[pageCount];
        var readers = new List<TermReader>();
        Parallel.For(0, pageCount, parallelism, () => new TermReader(numbers),
            (p, _, reader) =>
            {
                var page = readPage(p, reader.Body);
                sectionsOf[p] = ReadPage(page, reader);
                pages[p] = page with { Sections = reader.Body.ToSections(storedText) };
                return reader;
            },
            reader => { lock (readers) readers.Add(reader); });

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
        var forms = SurfaceForms(readers, stems.Length);
        var order = Enumerable.Range(0, stems.Length).Where(t => stems[t] is not null).OrderBy(t => stems[t], StringComparer.Ordinal).ToArray();
        var terms = new IndexTerm[order.Length];
        Parallel.For(0, order.Length, parallelism, n =>
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
            if (count > MaxPostingsPerTerm) KeepSmallest(keys, MaxPostingsPerTerm);
            Array.Sort(keys, 0, Math.Min(count, MaxPostingsPerTerm));
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

    /// <summary>
    /// Moves the <paramref name="k"/> smallest keys to the front, in no particular order, in linear
    /// time on average (a quickselect): a common word has thousands of postings and keeps 80, so
    /// sorting them all would be wasted. The keys are distinct, so the result does not depend on the pivots.
    /// </summary>
    private static void KeepSmallest(long[] keys, int k)
    {
        int low = 0, high = keys.Length - 1;
        while (low < high)
        {
            var pivot = keys[low + (high - low) / 2];
            int i = low, j = high;
            while (i <= j)
            {
                while (keys[i] < pivot) i++;
                while (keys[j] > pivot) j--;
                if (i > j) break;
                (keys[i], keys[j]) = (keys[j], keys[i]);
                i++;
                j--;
            }
            if (k - 1 <= j) high = j;
            else if (k - 1 >= i) low = i;
            else return;
        }
    }

    /// <summary>A page's sections (in the reader's <see cref="BodyText"/>) as term counts.</summary>
    private static SectionTerms[] ReadPage(SearchPage page, TermReader reader)
    {
        reader.StartPage();
        var body = reader.Body;
        var sections = new SectionTerms[body.Sections.Count];
        for (var s = 0; s < body.Sections.Count; s++)
        {
            var section = body.Sections[s];
            var length = reader.Add(body.TextOf(section), 1);
            if (s == 0)
            {
                length += reader.Add(page.Title, TitleWeight);
                length += reader.Add(page.Description, DescriptionWeight);
            }
            else
            {
                length += reader.Add(section.Heading, HeadingWeight);
                length += reader.Add(page.Title, 1);
            }
            sections[s] = reader.EndSection(length);
        }
        return sections;
    }

    /// <summary>For each term, its four most frequent words across the site (ties by spelling).</summary>
    private static IReadOnlyList<string>[] SurfaceForms(List<TermReader> readers, int termCount)
    {
        var totals = new Dictionary<string, int>?[termCount];
        foreach (var reader in readers)
            for (var entry = 0; entry < reader.Words.Count; entry++)
            {
                var term = reader.Words.Term(entry);
                if (term < 0) continue;
                var forms = totals[term] ??= new Dictionary<string, int>(1, StringComparer.Ordinal);
                CollectionsMarshal.GetValueRefOrAddDefault(forms, reader.Words.Word(entry), out _) += reader.Words.Occurrences(entry);
            }
        return totals.Select(forms => (IReadOnlyList<string>)(forms ?? [])
            .OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(4).Select(w => w.Key).ToList()).ToArray();
    }

    /// <summary>
    /// Counts terms, section by section, for the pages one worker reads. Each distinct word is
    /// stemmed and numbered once per worker and afterwards found as a span, folded as it is read, so a
    /// word costs a lookup, not an allocation. Within a page each term gets a small local number,
    /// so a section's counts are a plain array rather than a dictionary.
    /// </summary>
    private sealed class TermReader(TermNumbers numbers)
    {
        public readonly WordTable Words = new();
        private readonly char[] _word = new char[256];

        /// <summary>The page this worker is reading, reused from page to page.</summary>
        public readonly BodyText Body = new();
        private int[] _pageOfTerm = new int[1024];      // term -> the page that last gave it a local number (stamp)
        private int[] _localOfTerm = new int[1024];     // term -> its local number on that page
        private readonly List<int> _terms = [];         // local number -> term
        private int[] _counts = new int[256];           // local number -> weighted count in this section
        private readonly List<int> _touched = [];
        private int _page;

        public void StartPage()
        {
            _page++;
            _terms.Clear();
        }

        /// <summary>Adds the text's terms with a weight; returns how many words it held.</summary>
        public int Add(ReadOnlySpan<char> text, int weight)
        {
            var words = new FoldedWords(text, _word);
            var total = 0;
            while (words.Next())
            {
                total++;
                var entry = Words.Find(words.Word, words.Hash);
                if (entry < 0) entry = NewWord(words.Word.ToString(), words.Hash);
                var term = Words.Term(entry);
                if (term < 0) continue;
                Words.CountOnce(entry);
                var local = LocalNumber(term);
                if (_counts[local] == 0) _touched.Add(local);
                _counts[local] += weight;
            }
            return total;
        }

        public SectionTerms EndSection(int length)
        {
            var terms = new int[_touched.Count];
            var counts = new int[_touched.Count];
            for (var i = 0; i < _touched.Count; i++)
            {
                var local = _touched[i];
                (terms[i], counts[i]) = (_terms[local], _counts[local]);
                _counts[local] = 0;
            }
            _touched.Clear();
            return new SectionTerms(terms, counts, Math.Max(1, length));
        }

        private int LocalNumber(int term)
        {
            if (term >= _pageOfTerm.Length)
            {
                Array.Resize(ref _pageOfTerm, Math.Max(term + 1, _pageOfTerm.Length * 2));
                Array.Resize(ref _localOfTerm, _pageOfTerm.Length);
            }
            if (_pageOfTerm[term] == _page) return _localOfTerm[term];
            var local = _terms.Count;
            _terms.Add(term);
            if (local == _counts.Length) Array.Resize(ref _counts, _counts.Length * 2);
            (_pageOfTerm[term], _localOfTerm[term]) = (_page, local);
            return local;
        }

        private int NewWord(string word, int hash) =>
            Words.Add(word, hash, SearchText.IsIndexed(word) ? numbers.Of(SearchText.Stem(word)) : -1);
    }
}
