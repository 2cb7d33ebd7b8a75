using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SiteGen.Search;

/// <summary>
/// The distinct words one indexing worker has met, with each word's term number (-1 when it is
/// not indexed) and how often it occurred. Words are found by their <see cref="WordKey"/>, in an
/// open-addressed table. A slot holds the key and the word's <see cref="WordEntry"/> in half a
/// cache line: a short word's characters are packed into the key, so most lookups and counts
/// touch that one place and no string. A word is named by its slot, which moves when the table
/// grows, so callers hold it only until the next <see cref="Add"/>.
/// </summary>
public sealed class WordTable
{
    private struct Slot
    {
        public ulong Packed;
        public int Hash;
        public int Word;        // the word's place in _words, plus one; 0 when the slot is empty
        public WordEntry Entry;
    }

    private Slot[] _slots = new Slot[1 << 14];
    private string[] _words = new string[1 << 13];

    private int _count;

    /// <summary>How many slots there are; <see cref="Holds"/> tells which hold a word.</summary>
    public int Slots => _slots.Length;

    public bool Holds(int slot) => _slots[slot].Word != 0;

    public string Word(int slot) => _words[_slots[slot].Word - 1];

    public ref WordEntry Entry(int slot) => ref _slots[slot].Entry;

    /// <summary>The slot of a word, or -1 when it has not been met.</summary>
    public int Find(ReadOnlySpan<char> word, WordKey key)
    {
        var (packed, hash) = (key.Packed, key.Hash);
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Word == 0) return -1;
            if (slot.Hash == hash && (packed != 0 ? slot.Packed == packed : word.SequenceEqual(_words[slot.Word - 1]))) return i;
        }
    }

    /// <summary>Adds a word not in the table yet; returns its slot.</summary>
    public int Add(string word, WordKey key, int term)
    {
        if (_count == _words.Length) Array.Resize(ref _words, _count * 2);
        if (_count * 2 >= _slots.Length) Rehash(_slots.Length * 2);
        _words[_count++] = word;
        return Place(new Slot { Packed = key.Packed, Hash = key.Hash, Word = _count, Entry = new WordEntry { Term = term } });
    }

    private int Place(Slot slot)
    {
        var mask = _slots.Length - 1;
        var i = slot.Hash & mask;
        while (_slots[i].Word != 0) i = (i + 1) & mask;
        _slots[i] = slot;
        return i;
    }

    private void Rehash(int size)
    {
        var old = _slots;
        _slots = new Slot[size];
        foreach (var slot in old)
            if (slot.Word != 0) Place(slot);
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

/// <summary>
/// How a <see cref="WordTable"/> finds a word: a word of at most 8 characters, all below U+0100,
/// packed into one number a byte per character (0 for other words, which are compared as text),
/// and a hash of the word. Words hold no U+0000 and are never empty, so a packed number names
/// one word.
/// </summary>
public readonly record struct WordKey(ulong Packed, int Hash)
{
    private const ulong Mix = 0x9E3779B97F4A7C15;

    /// <summary>The key of a word, a character at a time.</summary>
    public static WordKey Of(ReadOnlySpan<char> word)
    {
        var packed = 0UL;
        for (var i = 0; i < word.Length && word.Length <= 8; i++)
        {
            if (word[i] > 0xFF) { packed = 0; break; }
            packed |= (ulong)word[i] << (8 * i);
        }
        return new WordKey(packed, HashOf(word, packed));
    }

    /// <summary>
    /// The same key for the first <paramref name="length"/> characters of a buffer of at least 8,
    /// packed 8 characters at a time: this runs once for every word of the site.
    /// </summary>
    public static WordKey OfBuffer(char[] buffer, int length)
    {
        var packed = 0UL;
        if (length <= 8)
        {
            var eight = Vector128.LoadUnsafe(ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetArrayDataReference(buffer))) &
                        Vector128.LessThan(Vector128<ushort>.Indices, Vector128.Create((ushort)length));
            if ((eight & Vector128.Create((ushort)0xFF00)) == Vector128<ushort>.Zero)
                packed = Vector128.Narrow(eight, eight).AsUInt64().ToScalar();
        }
        return new WordKey(packed, HashOf(buffer.AsSpan(0, length), packed));
    }

    /// <summary>A packed word's hash comes from its number; a longer word's, four characters at a time.</summary>
    private static int HashOf(ReadOnlySpan<char> word, ulong packed)
    {
        var h = packed;
        if (packed == 0)
        {
            h = (ulong)word.Length;
            var chunks = MemoryMarshal.Cast<char, ulong>(word);
            foreach (var chunk in chunks) h = BitOperations.RotateLeft((h ^ chunk) * Mix, 29);
            foreach (var c in word[(chunks.Length * 4)..]) h = (h ^ c) * Mix;
        }
        // The table picks a slot by the hash's low bits, so every character is mixed into them.
        h = (h ^ (h >> 31)) * Mix;
        return (int)(h >> 32);
    }
}
