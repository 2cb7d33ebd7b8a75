using System.Runtime.CompilerServices;

namespace SiteGen.Search;

/// <summary>
/// The distinct words one indexing worker has met, with each word's term number (-1 when it is
/// not indexed) and how often it occurred. Words are found by the hash <see cref="FoldedWords"/>
/// makes as it reads them, in an open-addressed table whose slots hold the hash beside the entry
/// number. A slot also holds a short word's characters packed into a number, so most lookups
/// touch one slot and no string.
/// </summary>
public sealed class WordTable
{
    /// <summary>A word of up to 8 characters below U+0100 packed one per byte (0 for longer words); (hash &lt;&lt; 32) | (entry + 1), 0 when empty.</summary>
    private struct Slot
    {
        public ulong Key;
        public long HashAndEntry;
    }

    private Slot[] _slots = new Slot[1 << 14];
    private string[] _words = new string[1 << 13];
    private WordEntry[] _entries = new WordEntry[1 << 13];

    public int Count { get; private set; }

    public string Word(int entry) => _words[entry];

    public int Term(int entry) => _entries[entry].Term;

    public int Occurrences(int entry) => _entries[entry].Occurrences;

    /// <summary>A word's facts in one place, so counting an occurrence touches one entry.</summary>
    public ref WordEntry Entry(int entry) => ref _entries[entry];

    /// <summary>The entry of a word, or -1 when it has not been met.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<char> word, int hash)
    {
        var key = Packed(word);
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot.HashAndEntry == 0) return -1;
            if ((int)(slot.HashAndEntry >> 32) != hash) continue;
            var entry = (int)(uint)slot.HashAndEntry - 1;
            if (key != 0 ? slot.Key == key : word.SequenceEqual(_words[entry])) return entry;
        }
    }

    /// <summary>Adds a word not in the table yet; returns its entry.</summary>
    public int Add(string word, int hash, int term)
    {
        if (Count == _words.Length)
        {
            Array.Resize(ref _words, Count * 2);
            Array.Resize(ref _entries, Count * 2);
        }
        if (Count * 2 >= _slots.Length) Rehash(_slots.Length * 2);
        var entry = Count++;
        (_words[entry], _entries[entry]) = (word, new WordEntry { Term = term });
        Place(new Slot { Key = Packed(word), HashAndEntry = ((long)hash << 32) | (uint)(entry + 1) });
        return entry;
    }

    /// <summary>
    /// A word of at most 8 characters, all below U+0100, as one number, a byte per character. Words
    /// hold no U+0000 and are never empty, so the number names one word; 0 means "compare the text".
    /// </summary>
    private static ulong Packed(ReadOnlySpan<char> word)
    {
        if (word.Length > 8) return 0;
        ulong key = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] > 0xFF) return 0;
            key |= (ulong)word[i] << (8 * i);
        }
        return key;
    }

    private void Place(Slot slot)
    {
        var mask = _slots.Length - 1;
        var i = (int)(slot.HashAndEntry >> 32) & mask;
        while (_slots[i].HashAndEntry != 0) i = (i + 1) & mask;
        _slots[i] = slot;
    }

    private void Rehash(int size)
    {
        var old = _slots;
        _slots = new Slot[size];
        foreach (var slot in old)
            if (slot.HashAndEntry != 0) Place(slot);
    }
}

/// <summary>
/// What a <see cref="WordTable"/> knows of a word: its term (-1 when not indexed) and how often it
/// occurred; and, for the reader counting a page, the page it last met the word on and the
/// term's number on that page, so a repeated word skips the term's own lookup.
/// </summary>
public struct WordEntry
{
    public int Term;
    public int Occurrences;
    public int Page;
    public int Local;
}
