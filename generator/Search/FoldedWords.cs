using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Text;

namespace SiteGen.Search;

/// <summary>
/// Reads the folded words of a text one at a time, in a single pass and without copying the text:
/// each character is folded on its own (accents dropped, lower case) and runs of letters and digits
/// are words. The word is built in a buffer the caller may reuse from text to text.
/// </summary>
public ref struct FoldedWords
{
    // What each non-ASCII character folds to, worked out once per character: decomposed (NFD),
    // non-spacing marks dropped, lower-cased. Surrogates fold to a space: they separate words.
    private static readonly string?[] Folded = new string?[char.MaxValue + 1];

    // What each ASCII character folds to: letters lower-cased, digits kept, and 0 for a separator.
    // A span over constant data, so the reader's loop needs no check that a static array is ready.
    private static ReadOnlySpan<byte> AsciiFolds =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 0, 0, 0, 0, 0, 0,
        0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
        112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
        0, 97, 98, 99, 100, 101, 102, 103, 104, 105, 106, 107, 108, 109, 110, 111,
        112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 0, 0, 0, 0, 0,
    ];

    private readonly ReadOnlySpan<char> _text;
    private int _at;
    private string? _expansion;   // the rest of a character that folded to more than one
    private int _expansionAt;
    private char[] _word;

    public FoldedWords(ReadOnlySpan<char> text, char[]? buffer = null)
    {
        _text = text;
        _word = buffer is { Length: >= 8 } ? buffer : new char[64];   // the key reads 8 characters at a time
    }

    /// <summary>The current word's length; the word is <see cref="Word"/>.</summary>
    public int Length { get; private set; }

    /// <summary>How a <see cref="WordTable"/> finds the current word.</summary>
    public WordKey Key { get; private set; }

    public readonly ReadOnlySpan<char> Word => _word.AsSpan(0, Length);

    /// <summary>Moves to the next word; false at the end of the text.</summary>
    public bool Next()
    {
        // Locals rather than fields in the loop, so they stay in registers.
        var text = _text;
        var at = _at;
        var word = _word;
        var length = 0;
        if (_expansion is null)
        {
            // Most words are ASCII letters and digits after an ASCII separator or two: the
            // separators are skipped one by one, the word is measured and lower-cased 8 characters
            // at a time (c | 0x20 lower-cases an ASCII letter and keeps a digit). Whatever ends the
            // run - a separator, another character, the end - is left to the loop below.
            while ((uint)at < (uint)text.Length && text[at] < 0x80 && AsciiFolds[text[at]] == 0) at++;
            ref var characters = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            while (at + 8 <= text.Length)
            {
                if (length + 8 > word.Length) Array.Resize(ref word, Math.Max(word.Length * 2, length + 8));
                var eight = Vector128.LoadUnsafe(ref characters, (nuint)at);
                var lower = eight | Vector128.Create((ushort)0x20);
                var inWord = Vector128.LessThan(lower - Vector128.Create((ushort)'a'), Vector128.Create((ushort)26)) |
                             Vector128.LessThan(eight - Vector128.Create((ushort)'0'), Vector128.Create((ushort)10));
                lower.StoreUnsafe(ref Unsafe.As<char, ushort>(ref word[length]));
                var outside = ~inWord.ExtractMostSignificantBits() & 0xFF;
                var taken = outside == 0 ? 8 : BitOperations.TrailingZeroCount(outside);
                (length, at) = (length + taken, at + taken);
                if (taken < 8) break;
            }
        }
        while (true)
        {
            // Plain ASCII, the bulk of most text, is folded through a table.
            while (_expansion is null && (uint)at < (uint)text.Length && text[at] < 0x80)
            {
                var a = (char)AsciiFolds[text[at++]];
                if (a != 0)
                {
                    if (length == word.Length) Array.Resize(ref word, word.Length * 2);
                    word[length++] = a;
                }
                else if (length > 0) goto Found;
            }

            char c;
            if (_expansion is not null)
            {
                c = _expansion[_expansionAt++];
                if (_expansionAt == _expansion.Length) _expansion = null;
            }
            else if (at < text.Length)
            {
                var folded = Fold(text[at++]);
                if (folded.Length == 0) continue;
                if (folded.Length > 1) (_expansion, _expansionAt) = (folded, 1);
                c = folded[0];
            }
            else if (length == 0)
            {
                (_at, _word, Length) = (at, word, 0);
                return false;
            }
            else break;

            if (c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c))
            {
                if (length == word.Length) Array.Resize(ref word, word.Length * 2);
                word[length++] = c;
            }
            else if (length > 0) break;
        }
    Found:
        (_at, _word, Length, Key) = (at, word, length, WordKey.OfBuffer(word, length));
        return true;
    }

    /// <summary>The folded form of one character (ASCII is folded through a table by the reader).</summary>
    public static string Fold(char c)
    {
        if (c < 0x80) return char.ToLowerInvariant(c).ToString();
        return Folded[c] ??= Compute(c);

        static string Compute(char c)
        {
            if (char.IsSurrogate(c)) return " ";
            var folded = new StringBuilder(2);
            foreach (var part in c.ToString().Normalize(NormalizationForm.FormD))
                if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark) folded.Append(char.ToLowerInvariant(part));
            return folded.ToString();
        }
    }
}
