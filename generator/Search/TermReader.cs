using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SiteGen.Search;

/// <summary>Where a page's sections lie in a block of the log of the worker that read it.</summary>
internal readonly record struct PageTerms(TermReader Reader, int[] Log, int Offset, int Sections);

/// <summary>
/// Counts terms, section by section, for the pages one worker reads. Each distinct word is
/// stemmed and numbered once per worker and afterwards found as a span, folded as it is read, so a
/// word costs a lookup, not an allocation. Within a page each term gets a small local number,
/// so a section's counts are a plain array rather than a dictionary.
/// </summary>
internal sealed class TermReader(int number)
{
    public readonly WordTable Words = new();

    /// <summary>The stems this worker has met, by its own term number.</summary>
    public readonly List<string> Stems = [];

    /// <summary>The site-wide number of each of this worker's terms, set once all pages are read.</summary>
    public int[] SiteNumbers = [];

    /// <summary>How many of this worker's sections hold each of its terms.</summary>
    public int[] SectionsWith = new int[1024];

    /// <summary>This reader's place among the workers'.</summary>
    public readonly int Number = number;

    private readonly Dictionary<string, int> _termOfStem = new(StringComparer.Ordinal);
    private readonly char[] _word = new char[256];

    /// <summary>The page this worker is reading, reused from page to page.</summary>
    public readonly BodyText Body = new();
    // Per section: its head (SectionHeader), then its (term, count) pairs (LogPair). A page is logged in a scratch array, then
    // copied into the current block of the log, so it never spans two.
    // Blocks grow from 64 KB, below the large object heap, to 4 MB: a small site's few hundred KB of
    // log never reaches the large object heap, whose first few MB of allocations each cost a full
    // collection (two of them, 26-36 ms, in a 100-page build with fixed 4 MB blocks).
    private const int FirstLogBlock = 1 << 14, LastLogBlock = 1 << 20;
    private int[] _pageLog = new int[4096];
    private int _pageLogLength;
    private int[] _log = [];
    private int _logLength;
    private (int Page, int Local)[] _localOfTerm = new (int, int)[1024];   // term -> the page that last gave it a local number, and that number
    private readonly List<int> _terms = [];         // local number -> term
    private int[] _counts = new int[256];           // local number -> weighted count in this section
    private int[] _touched = new int[256];          // the local numbers counted in this section so far
    private int _touchedCount;
    private readonly List<int> _titleLocals = [];   // the page title's terms, one per occurrence, by local number
    private int _page;

    /// <summary>Logs the term counts of the page in <see cref="Body"/>; the title and description count in its first section.</summary>
    public PageTerms ReadPage(SearchPage page)
    {
        _page++;
        _terms.Clear();
        _pageLogLength = 0;
        var titleWords = Body.Sections.Count > 0 ? ReadTitle(page.Title, Body.Sections.Count) : 0;
        for (var s = 0; s < Body.Sections.Count; s++)
        {
            var section = Body.Sections[s];
            var length = Add(Body.TextOf(section), 1) + titleWords;
            if (s == 0)
            {
                AddTitle(SearchIndexBuilder.TitleWeight);
                length += Add(page.Description, SearchIndexBuilder.DescriptionWeight);
            }
            else
            {
                length += Add(section.Heading, SearchIndexBuilder.HeadingWeight);
                AddTitle(1);
            }
            EndSection(length);
        }
        // Blocks are fully written before they are read, so they need not be zeroed first.
        if (_logLength + _pageLogLength > _log.Length)
        {
            var block = _log.Length == 0 ? FirstLogBlock : Math.Min(_log.Length * 2, LastLogBlock);
            _log = GC.AllocateUninitializedArray<int>(Math.Max(block, _pageLogLength));
            _logLength = 0;
        }
        _pageLog.AsSpan(0, _pageLogLength).CopyTo(_log.AsSpan(_logLength));
        _logLength += _pageLogLength;
        return new PageTerms(this, _log, _logLength - _pageLogLength, Body.Sections.Count);
    }

    /// <summary>
    /// The title counts in every section of its page, so its words are read and found once per
    /// page and their page-local numbers kept; each word counts as one occurrence per section,
    /// as if read again there. Returns how many words the title holds.
    /// </summary>
    private int ReadTitle(string title, int sections)
    {
        _titleLocals.Clear();
        var words = new FoldedWords(title, _word);
        var total = 0;
        while (words.Next())
        {
            total++;
            if (LocalOf(words.Word, words.Key, sections) is >= 0 and var local) _titleLocals.Add(local);
        }
        return total;
    }

    /// <summary>Counts the title's terms, read by <see cref="ReadTitle"/>, in the current section.</summary>
    private void AddTitle(int weight)
    {
        foreach (var local in _titleLocals) Count(local, weight);
    }

    /// <summary>Adds the text's terms with a weight; returns how many words it held.</summary>
    private int Add(ReadOnlySpan<char> text, int weight)
    {
        var words = new FoldedWords(text, _word);
        var total = 0;
        while (words.Next())
        {
            total++;
            if (LocalOf(words.Word, words.Key, 1) is >= 0 and var local) Count(local, weight);
        }
        return total;
    }

    /// <summary>
    /// Finds a word (adding it when new), counts its occurrences and returns its term's number
    /// on this page; -1 for a word that is not indexed.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int LocalOf(ReadOnlySpan<char> word, WordKey key, int occurrences)
    {
        var slot = Words.Find(word, key);
        if (slot < 0) slot = NewWord(word.ToString(), key);
        ref var found = ref Words.Entry(slot);
        if (found.Term < 0) return -1;
        found.Occurrences += occurrences;
        if (found.Page != _page)
        {
            found.Page = _page;
            found.Local = LocalNumber(found.Term);
        }
        return found.Local;
    }

    /// <summary>Adds a weighted count to a term of the current section.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Count(int local, int weight)
    {
        if (_counts[local] == 0) _touched[_touchedCount++] = local;
        _counts[local] += weight;
    }

    private void EndSection(int length)
    {
        var needed = _pageLogLength + SectionHeader.Size + 2 * _touchedCount;
        if (needed > _pageLog.Length) Array.Resize(ref _pageLog, Math.Max(needed, _pageLog.Length * 2));
        var header = _pageLogLength;
        var at = header + SectionHeader.Size;
        foreach (var local in _touched.AsSpan(0, _touchedCount))
        {
            var term = _terms[local];
            at = LogPair.Write(_pageLog, at, term, _counts[local]);
            _counts[local] = 0;
            SectionsWith[term]++;
        }
        SectionHeader.Write(_pageLog, header, length, at);
        _pageLogLength = at;
        _touchedCount = 0;
    }

    private int LocalNumber(int term)
    {
        if (term >= _localOfTerm.Length) Array.Resize(ref _localOfTerm, Math.Max(term + 1, _localOfTerm.Length * 2));
        ref var known = ref _localOfTerm[term];
        if (known.Page == _page) return known.Local;
        var local = _terms.Count;
        _terms.Add(term);
        if (local == _counts.Length)
        {
            Array.Resize(ref _counts, _counts.Length * 2);
            Array.Resize(ref _touched, _counts.Length);
        }
        known = (_page, local);
        return local;
    }

    private int NewWord(string word, WordKey key) =>
        Words.Add(word, key, SearchText.IsIndexed(word) ? TermOf(SearchText.Stem(word)) : -1);

    /// <summary>This worker's number for a stem it has met.</summary>
    public int NumberOf(string stem) => _termOfStem[stem];

    /// <summary>This worker's number for a stem, new if it is new (numbers are made site-wide after reading).</summary>
    private int TermOf(string stem)
    {
        ref var number = ref CollectionsMarshal.GetValueRefOrAddDefault(_termOfStem, stem, out var known);
        if (!known)
        {
            number = Stems.Count;
            Stems.Add(stem);
            if (number == SectionsWith.Length) Array.Resize(ref SectionsWith, number * 2);
        }
        return number;
    }
}
