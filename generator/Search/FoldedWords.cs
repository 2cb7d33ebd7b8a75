using System.Globalization;
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

    private readonly ReadOnlySpan<char> _text;
    private int _at;
    private string? _expansion;   // the rest of a character that folded to more than one
    private int _expansionAt;
    private char[] _word;

    public FoldedWords(ReadOnlySpan<char> text, char[]? buffer = null)
    {
        _text = text;
        _word = buffer ?? new char[64];
    }

    /// <summary>The current word's length; the word is <see cref="Word"/>.</summary>
    public int Length { get; private set; }

    /// <summary>A hash of the current word (FNV-1a over its characters), made while it is read.</summary>
    public int Hash { get; private set; }

    public readonly ReadOnlySpan<char> Word => _word.AsSpan(0, Length);

    /// <summary>Moves to the next word; false at the end of the text.</summary>
    public bool Next()
    {
        Length = 0;
        var hash = 2166136261;
        while (true)
        {
            char c;
            if (_expansion is not null)
            {
                c = _expansion[_expansionAt++];
                if (_expansionAt == _expansion.Length) _expansion = null;
            }
            else if (_at < _text.Length)
            {
                c = _text[_at++];
                if (c >= 0x80)
                {
                    var folded = Fold(c);
                    if (folded.Length == 0) continue;
                    if (folded.Length > 1) (_expansion, _expansionAt) = (folded, 1);
                    c = folded[0];
                }
                else if ((uint)(c - 'A') <= 'Z' - 'A') c = (char)(c | 0x20);
            }
            else if (Length == 0) return false;
            else break;

            if (c < 0x80 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c))
            {
                if (Length == _word.Length) Array.Resize(ref _word, _word.Length * 2);
                _word[Length++] = c;
                hash = (hash ^ c) * 16777619;
            }
            else if (Length > 0) break;
        }
        Hash = (int)hash;
        return true;
    }

    /// <summary>The folded form of one character (ASCII letters are lower-cased inline by the reader).</summary>
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
