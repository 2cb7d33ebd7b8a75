namespace SiteGen.Search;

/// <summary>
/// The distinct words one indexing worker has met, with each word's term number (-1 when it is
/// not indexed) and how often it occurred. Words are found by the hash <see cref="FoldedWords"/>
/// makes as it reads them, in an open-addressed table whose slots hold the hash beside the entry
/// number, so a lookup usually touches one slot and one string.
/// </summary>
public sealed class WordTable
{
    private long[] _slots = new long[1 << 14];    // (hash << 32) | (entry + 1); 0 is an empty slot
    private string[] _words = new string[1 << 13];
    private int[] _terms = new int[1 << 13];
    private int[] _counts = new int[1 << 13];

    public int Count { get; private set; }

    public string Word(int entry) => _words[entry];

    public int Term(int entry) => _terms[entry];

    public int Occurrences(int entry) => _counts[entry];

    /// <summary>The entry of a word, or -1 when it has not been met.</summary>
    public int Find(ReadOnlySpan<char> word, int hash)
    {
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == 0) return -1;
            var entry = (int)(uint)slot - 1;
            if ((int)(slot >> 32) == hash && word.SequenceEqual(_words[entry])) return entry;
        }
    }

    /// <summary>Adds a word not in the table yet; returns its entry.</summary>
    public int Add(string word, int hash, int term)
    {
        if (Count == _words.Length)
        {
            Array.Resize(ref _words, Count * 2);
            Array.Resize(ref _terms, Count * 2);
            Array.Resize(ref _counts, Count * 2);
        }
        if (Count * 2 >= _slots.Length) Rehash(_slots.Length * 2);
        var entry = Count++;
        (_words[entry], _terms[entry], _counts[entry]) = (word, term, 0);
        Place(hash, entry);
        return entry;
    }

    public void CountOnce(int entry) => _counts[entry]++;

    private void Place(int hash, int entry)
    {
        var mask = _slots.Length - 1;
        var i = hash & mask;
        while (_slots[i] != 0) i = (i + 1) & mask;
        _slots[i] = ((long)hash << 32) | (uint)(entry + 1);
    }

    private void Rehash(int size)
    {
        var old = _slots;
        _slots = new long[size];
        foreach (var slot in old)
            if (slot != 0) Place((int)(slot >> 32), (int)(uint)slot - 1);
    }
}
