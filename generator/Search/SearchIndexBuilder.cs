using SiteGen.Engine;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiteGen.Search;

/// <summary>
/// Scores every term in every section with BM25 at build time, so the browser only adds numbers.
/// Words in the page title count 3 times in the page's introduction, description words twice,
/// and heading words 4 times in their section (a heading is more specific than the title). Each
/// term keeps its best postings only: enough to rank the top results, without shipping every
/// occurrence of common words. Each page keeps its best-scoring terms (its keywords), by which
/// search finds the pages that resemble its best results.
/// Each worker numbers the terms it meets on its own and logs its sections' (term, count) pairs
/// in blocks of 4 MB: tens of thousands of sections cost a few large arrays, which the
/// garbage collector need not copy, rather than small arrays or a dictionary each.
/// The loops that run once per character or word (the HTML tokenizer, the word reader, the word
/// table, the counting here) are compiled fully optimized at once: a build is one short run, and
/// they would run millions of times before tiered compilation promoted them.
/// </summary>
public static class SearchIndexBuilder
{
    /// <summary>How many postings a term keeps, its best first: enough for a reader's question of several words to rank pages deep down each word's list.</summary>
    public const int MaxPostingsPerTerm = 500;

    /// <summary>How many of them go in the term's shard, which every search for the word loads; the rest only a query of several words loads.</summary>
    public const int ShardPostings = 80;
    /// <summary>
    /// How many keywords each page keeps (its terms of highest score): what a search needs to find
    /// the pages that resemble its best results, at about 80 bytes a page (docs/benchmarks.md,
    /// "Pages like the best results").
    /// </summary>
    public const int KeywordsPerPage = 20;

    public const int TitleWeight = 3;
    public const int HeadingWeight = 4;
    public const int DescriptionWeight = 2;
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>
    /// One section in a worker's log: its length in words and its (term, count) pairs from <c>At</c>
    /// to <c>End</c>, logged under the worker's term numbers, which <c>SiteNumbers</c> turns into the site's.
    /// </summary>
    private readonly record struct SectionTerms(int[] Log, int At, int End, int Length, int[] SiteNumbers);

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
        var pageTerms = new PageTerms[pageCount];
        var pages = new SearchPage[pageCount];
        var readers = Workers.For(pageCount, parallelism, worker => new TermReader(worker), (p, reader) =>
        {
            var page = readPage(p, reader.Body);
            pageTerms[p] = reader.ReadPage(page);
            pages[p] = page with { Sections = reader.Body.ToSections(storedText) };
        });

        var stems = NumberTermsAlphabetically(readers, parallelism);
        // The words behind each term are independent of the postings: both are gathered at once.
        IReadOnlyList<string>[] forms = [];
        SectionTerms[] sections = [];
        int[] pageOf = [], sectionInPage = [];
        SectionRun[] best = [];
        var keywords = new PageKeywords(new Keyword[pageCount * KeywordsPerPage], new int[pageCount], KeywordsPerPage);
        Parallel.Invoke(parallelism,
            () => forms = SurfaceForms(readers, stems.Length),
            () =>
            {
                sections = SectionsInOrder(pageTerms, readers, out pageOf, out sectionInPage, out var sectionsOf);
                best = ScoreAndKeepBest(sections, readers, sectionsOf, pageOf, keywords, stems.Length, parallelism);
            });

        var terms = new IndexTerm[stems.Length];
        Parallel.For(0, stems.Length, parallelism, term =>
        {
            // Each worker kept the term's best in its own sections; the best of those are the best overall.
            var kept = 0;
            foreach (var run in best) kept += run.Terms[term].Filled;
            Span<long> keys = kept <= 512 ? stackalloc long[kept] : new long[kept];
            kept = 0;
            foreach (var run in best)
            {
                run.Keys.AsSpan(run.Terms[term].Start, run.Terms[term].Filled).CopyTo(keys[kept..]);
                kept += run.Terms[term].Filled;
            }
            SortKeys(keys);
            keys = keys[..Math.Min(kept, MaxPostingsPerTerm)];
            var postings = new Posting[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                var s = PostingKey.Section(keys[i]);
                postings[i] = new Posting(pageOf[s], sectionInPage[s], PostingKey.Score(keys[i]));
            }
            terms[term] = new IndexTerm(stems[term], forms[term], postings);
        });
        return new SearchIndex(pages, terms, keywords);
    }

    /// <summary>
    /// The sections one worker read, and what scoring kept of them: every term's best postings in
    /// those sections as sortable keys - best score first, then section order, one number each -
    /// term t's the <c>Terms[t].Filled</c> from <c>Terms[t].Start</c> on, not yet sorted.
    /// </summary>
    private sealed class SectionRun(int[] sections)
    {
        /// <summary>The run's sections, by their place in the site.</summary>
        public readonly int[] Sections = sections;

        public TermKeys[] Terms = [];
        public long[] Keys = [];
    }

    /// <summary>
    /// What scoring needs of one term in a run, side by side: a posting costs one read of memory
    /// here rather than one in each of five arrays.
    /// </summary>
    private struct TermKeys
    {
        public double Idf;
        public int Start;       // where the term's keys begin in the run's Keys
        public int Capacity;    // how many it keeps: all it meets, up to MaxPostingsPerTerm
        public int Filled;
        public bool Overflows;  // it meets more than it keeps, so its keys become a heap once full
        public int Page;        // the page last scored, and the term's best score there, for the page's keywords
        public int PageBest;
    }

    /// <summary>
    /// Scores every posting with BM25 and keeps each term's <see cref="MaxPostingsPerTerm"/> best:
    /// a common word has thousands of postings, so they are never all held at once. Each worker
    /// scores the sections it read, and keeps the best of every term it met there (the readers
    /// counted the sections holding each term as they read, so the IDF needs no pass of its own);
    /// the final step merges what they kept.
    /// </summary>
    private static SectionRun[] ScoreAndKeepBest(SectionTerms[] sections, TermReader[] readers, int[][] sectionsOf, int[] pageOf, PageKeywords keywords, int termCount, ParallelOptions parallelism)
    {
        // How many sections hold each term, over all readers: its IDF.
        var frequency = new int[termCount];
        foreach (var reader in readers)
            for (var t = 0; t < reader.Stems.Count; t++) frequency[reader.SiteNumbers[t]] += reader.SectionsWith[t];
        long words = 0;
        foreach (var section in sections) words += section.Length;
        var sectionCount = Math.Max(1, sections.Length);
        var averageLength = sections.Length == 0 ? 1 : (double)words / sections.Length;
        var idf = new double[termCount];
        for (var t = 0; t < termCount; t++) idf[t] = Math.Log(1 + (sectionCount - frequency[t] + 0.5) / (frequency[t] + 0.5));

        // BM25's length normalisation of each section, worked out once rather than per posting.
        var norm = new double[sections.Length];
        for (var s = 0; s < sections.Length; s++) norm[s] = K1 * (1 - B + B * sections[s].Length / averageLength);

        var runs = new SectionRun[readers.Length];
        Parallel.For(0, readers.Length, parallelism, r =>
        {
            var reader = readers[r];
            var run = new SectionRun(sectionsOf[r]) { Terms = new TermKeys[termCount] };
            runs[r] = run;
            for (var t = 0; t < reader.Stems.Count; t++)
            {
                ref var term = ref run.Terms[reader.SiteNumbers[t]];
                term.Capacity = Math.Min(reader.SectionsWith[t], MaxPostingsPerTerm);
                term.Overflows = reader.SectionsWith[t] > MaxPostingsPerTerm;
            }
            // Each term's keys take the next Capacity places of the run's one array.
            var kept = 0;
            for (var t = 0; t < termCount; t++)
            {
                run.Terms[t].Idf = idf[t];
                run.Terms[t].Start = kept;
                run.Terms[t].Page = -1; // on no page yet
                kept += run.Terms[t].Capacity;
            }
            run.Keys = GC.AllocateUninitializedArray<long>(kept); // each term's keys are written before they are read
            Score(sections, norm, run, pageOf, keywords);
        });
        return runs;
    }

    /// <summary>
    /// Scores the postings of a run's sections and keeps each term's best in the run, and each
    /// page's keywords. A page's sections are read by one worker and come one after another.
    /// </summary>
    private static void Score(SectionTerms[] sections, double[] norm, SectionRun run, int[] pageOf, PageKeywords keywords)
    {
        var terms = run.Terms;
        var keys = run.Keys;
        var pageTerms = new List<int>(); // the terms of the page being scored
        var page = -1;
        foreach (var s in run.Sections)
        {
            if (pageOf[s] != page)
            {
                if (page >= 0) KeepBest(pageTerms, terms, keywords, page);
                page = pageOf[s];
            }
            var section = sections[s];
            var at = section.At;
            while (at < section.End)
            {
                at = LogPair.Read(section.Log, at, out var logged, out var tf);
                var number = section.SiteNumbers[logged];
                ref var term = ref terms[number];
                var bm25 = term.Idf * tf * (K1 + 1) / (tf + norm[s]);
                var score = Math.Max(1, (int)Math.Round(bm25 * 100));
                Keep(keys.AsSpan(term.Start, term.Capacity), ref term.Filled, PostingKey.Encode(score, s), term.Overflows);
                // The term's best score on the page, kept beside its keys: no other memory to touch.
                if (term.Page != page)
                {
                    (term.Page, term.PageBest) = (page, score);
                    pageTerms.Add(number);
                }
                else if (score > term.PageBest) term.PageBest = score;
            }
        }
        if (page >= 0) KeepBest(pageTerms, terms, keywords, page);
    }

    /// <summary>
    /// Keeps a page's <see cref="KeywordsPerPage"/> best terms, by term number (ties go to the
    /// lower number), from the terms it holds; the list is emptied for the next page.
    /// </summary>
    private static void KeepBest(List<int> pageTerms, TermKeys[] terms, PageKeywords keywords, int page)
    {
        // Best score first, then term number, one sortable number each, kept in a bounded heap
        // as a term's best postings are: a page has hundreds of terms and keeps 20.
        Span<long> best = stackalloc long[KeywordsPerPage];
        var filled = 0;
        foreach (var term in pageTerms) Keep(best, ref filled, ((long)(int.MaxValue - terms[term].PageBest) << 32) | (uint)term, overflows: true);
        var kept = keywords.All.AsSpan(page * keywords.PerPage, filled);
        for (var i = 0; i < filled; i++)
        {
            var term = (int)(best[i] & 0xFFFFFFFF);
            kept[i] = new Keyword(term, terms[term].PageBest);
        }
        kept.Sort(static (a, b) => a.Term.CompareTo(b.Term));
        keywords.Count[page] = filled;
        pageTerms.Clear();
    }

    /// <summary>
    /// Adds a key to a term's run, which keeps the smallest keys. Until the run is full the key is
    /// appended; a run that will see more keys than it holds then becomes a max-heap, whose top
    /// (the worst key kept) any better key replaces. The keys are distinct, so what is kept does
    /// not depend on the order they come in.
    /// </summary>
    private static void Keep(Span<long> run, ref int filled, long key, bool overflows)
    {
        if (filled < run.Length)
        {
            run[filled++] = key;
            if (filled == run.Length && overflows)
                for (var i = run.Length / 2 - 1; i >= 0; i--) SiftDown(run, i);
            return;
        }
        if (key >= run[0]) return;
        run[0] = key;
        SiftDown(run, 0);
    }

    /// <summary>Sorts a term's keys, smallest first: best score first, then section order.</summary>
    private static void SortKeys(Span<long> keys) => keys.Sort();

    private static void SiftDown(Span<long> heap, int i)
    {
        while (true)
        {
            var (largest, left) = (i, 2 * i + 1);
            if (left < heap.Length && heap[left] > heap[largest]) largest = left;
            if (left + 1 < heap.Length && heap[left + 1] > heap[largest]) largest = left + 1;
            if (largest == i) return;
            (heap[i], heap[largest]) = (heap[largest], heap[i]);
            i = largest;
        }
    }

    /// <summary>
    /// Every section of the site, in page order and then section order, with the page and place of
    /// each; and, for each reader, the sections it read.
    /// </summary>
    private static SectionTerms[] SectionsInOrder(PageTerms[] pageTerms, TermReader[] readers, out int[] pageOf, out int[] sectionInPage, out int[][] sectionsOf)
    {
        var total = 0;
        var perReader = new int[readers.Length];
        foreach (var page in pageTerms)
        {
            total += page.Sections;
            perReader[page.Reader.Number] += page.Sections;
        }
        var sections = new SectionTerms[total];
        (pageOf, sectionInPage) = (new int[total], new int[total]);
        sectionsOf = [.. perReader.Select(count => new int[count])];
        Array.Clear(perReader);
        var s = 0;
        for (var p = 0; p < pageTerms.Length; p++)
        {
            var log = pageTerms[p].Log;
            var at = pageTerms[p].Offset;
            var reader = pageTerms[p].Reader;
            for (var i = 0; i < pageTerms[p].Sections; i++, s++)
            {
                var (length, pairsStart, pairsEnd) = SectionHeader.Read(log, at);
                sections[s] = new SectionTerms(log, pairsStart, pairsEnd, length, reader.SiteNumbers);
                at = pairsEnd;
                pageOf[s] = p;
                sectionInPage[s] = i;
                sectionsOf[reader.Number][perReader[reader.Number]++] = s;
            }
        }
        return sections;
    }

    /// <summary>
    /// Gives every term its site-wide number, its place in ordinal order of stems, and tells each
    /// worker how its own numbers map to those. Workers number the terms they meet on their own,
    /// so reading pages in parallel shares nothing; each sorts its own stems, in parallel, and the
    /// sorted lists are merged, a stem met by several workers getting one number.
    /// </summary>
    private static string[] NumberTermsAlphabetically(TermReader[] readers, ParallelOptions parallelism)
    {
        var sorted = new string[readers.Length][];   // each worker's stems in ordinal order
        var numberOf = new int[readers.Length][];    // and the worker's number of each
        Parallel.For(0, readers.Length, parallelism, r =>
        {
            sorted[r] = [.. readers[r].Stems];
            Array.Sort(sorted[r], StringComparer.Ordinal);
            numberOf[r] = new int[sorted[r].Length];
            for (var i = 0; i < sorted[r].Length; i++) numberOf[r][i] = readers[r].NumberOf(sorted[r][i]);
            readers[r].SiteNumbers = new int[sorted[r].Length];
        });

        var site = new List<string>();
        var next = new int[readers.Length];
        while (true)
        {
            string? least = null;
            for (var r = 0; r < readers.Length; r++)
                if (next[r] < sorted[r].Length && (least is null || string.CompareOrdinal(sorted[r][next[r]], least) < 0))
                    least = sorted[r][next[r]];
            if (least is null) return [.. site];
            for (var r = 0; r < readers.Length; r++)
                if (next[r] < sorted[r].Length && sorted[r][next[r]] == least)
                    readers[r].SiteNumbers[numberOf[r][next[r]++]] = site.Count;
            site.Add(least);
        }
    }

    /// <summary>For each term, its four most frequent words across the site (ties by spelling).</summary>
    private static IReadOnlyList<string>[] SurfaceForms(TermReader[] readers, int termCount)
    {
        // The workers' words, grouped by term: a term has few words, so they are merged and
        // ranked within its group rather than through one table of every word on the site.
        var start = new int[termCount + 1];
        foreach (var reader in readers)
            for (var slot = 0; slot < reader.Words.Slots; slot++)
                if (reader.Words.Holds(slot) && reader.Words.Entry(slot).Term is >= 0 and var term) start[reader.SiteNumbers[term] + 1]++;
        for (var t = 0; t < termCount; t++) start[t + 1] += start[t];
        var words = new (string Word, int Count)[start[termCount]];
        var filled = start[..termCount];
        foreach (var reader in readers)
            for (var slot = 0; slot < reader.Words.Slots; slot++)
                if (reader.Words.Holds(slot) && reader.Words.Entry(slot) is { Term: >= 0 } entry)
                    words[filled[reader.SiteNumbers[entry.Term]]++] = (reader.Words.Word(slot), entry.Occurrences);

        const int Kept = 4;
        var forms = new IReadOnlyList<string>[termCount];
        for (var t = 0; t < termCount; t++)
        {
            var group = words.AsSpan(start[t], start[t + 1] - start[t]);
            // A word met by several workers appears once per worker: sorted by spelling, its
            // counts are next to each other and add up.
            if (readers.Length > 1) SortWords(group, byCount: false);
            var distinct = 0;
            for (var i = 0; i < group.Length; i++)
                if (distinct > 0 && group[distinct - 1].Word == group[i].Word) group[distinct - 1].Count += group[i].Count;
                else group[distinct++] = group[i];
            group = group[..distinct];
            SortWords(group, byCount: true);
            var kept = new string[Math.Min(Kept, group.Length)];
            for (var i = 0; i < kept.Length; i++) kept[i] = group[i].Word;
            forms[t] = kept;
        }
        return forms;
    }

    /// <summary>Sorts a term's words by spelling, or by count (most first, ties by spelling).</summary>
    private static void SortWords(Span<(string Word, int Count)> words, bool byCount) =>
        words.Sort((a, b) => Before(a, b, byCount) ? -1 : Before(b, a, byCount) ? 1 : 0);

    /// <summary>By count (most first, ties by spelling), or by spelling alone.</summary>
    private static bool Before((string Word, int Count) a, (string Word, int Count) b, bool byCount) =>
        byCount && a.Count != b.Count ? a.Count > b.Count : string.CompareOrdinal(a.Word, b.Word) < 0;
}
