using System.Runtime.CompilerServices;

namespace SiteGen.Checks;

/// <summary>
/// The Flesch-Kincaid grade of a page's prose: 0.39 x words per sentence + 11.8 x syllables per
/// word - 15.59, on the rendered text a reader reads. Citation markers, tables, code, footnotes,
/// reference lists, the callout and "For clinicians" blocks (<c>::: for-clinicians</c>) are left
/// out, as are headings. Each paragraph or list item ends a sentence even without a full stop.
/// Syllables are counted by the usual vowel-group rule, which is within about one syllable in ten
/// of a dictionary count: the grade is a guide, good to about one grade.
/// </summary>
public static class ReadingGrade
{
    public sealed record Measure(double Grade, int Words, int Sentences, int Syllables);

    /// <summary>Elements whose whole content is left out: not running prose.</summary>
    private static readonly string[] SkippedTags = ["table", "pre", "code", "figure", "h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>Classes whose element is left out: citation markers and tooltips, reference lists, the callout, blocks for clinicians.</summary>
    private static readonly string[] SkippedClasses = ["citation", "glossary-tip", "footnotes", "references", "evidence-limitations", "for-clinicians", "table-scroll"];

    /// <summary>Elements that end a block of prose (a sentence ends with them even without a full stop).</summary>
    private static readonly string[] BlockTags = ["p", "li", "dd", "dt", "blockquote", "div", "ul", "ol", "dl", "section", "aside", "br"];

    /// <summary>
    /// The prose a reader reads on a page, block by block, without the parts listed above: read
    /// with the site's HTML tokenizer in one pass (a DOM per page would cost seconds on a large site).
    /// </summary>
    public static IReadOnlyList<string> Prose(string bodyHtml)
    {
        var blocks = new List<string>();
        ReadBlocks(bodyHtml, block => blocks.Add(block.ToString()));
        return blocks;
    }

    /// <summary>One block of prose, trimmed and not empty; valid only during the call.</summary>
    private delegate void BlockReader(ReadOnlySpan<char> block);

    /// <summary>
    /// Each thread's buffer for the block being read: the grade reads every block of every page,
    /// and a string per block was nearly all the check allocated (23 of 24 MB at 1,000 pages).
    /// </summary>
    [ThreadStatic] private static char[]? _block;

    private static void ReadBlocks(string bodyHtml, BlockReader read)
    {
        var buffer = _block ??= new char[4096];
        var length = 0;
        string? skipping = null;
        var skipDepth = 0;
        void Append(ReadOnlySpan<char> text)
        {
            if (length + text.Length > buffer.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + text.Length));
            text.CopyTo(buffer.AsSpan(length));
            length += text.Length;
        }
        void Flush()
        {
            var text = buffer.AsSpan(0, length).Trim();
            if (text.Length > 0) read(text);
            length = 0;
        }
        var tokens = new Html.HtmlTokenizer(bodyHtml);
        while (tokens.Read())
        {
            if (skipping is not null)
            {
                if (tokens.Kind == Html.HtmlTokenKind.StartTag && tokens.Is(skipping)) skipDepth++;
                else if (tokens.Kind == Html.HtmlTokenKind.EndTag && tokens.Is(skipping) && --skipDepth == 0) skipping = null;
                continue;
            }
            switch (tokens.Kind)
            {
                case Html.HtmlTokenKind.Text:
                    Append(tokens.Text.Contains('&') ? Html.HtmlTokenizer.Decode(tokens.Text) : tokens.Text);
                    break;
                case Html.HtmlTokenKind.StartTag when tokens.NameIn(SkippedTags) is not null || tokens.HasAnyClass(SkippedClasses):
                    skipping = tokens.Name.ToString();
                    skipDepth = 1;
                    break;
                case Html.HtmlTokenKind.StartTag or Html.HtmlTokenKind.EndTag when tokens.NameIn(BlockTags) is not null:
                    Flush();
                    break;
            }
        }
        Flush();
        _block = buffer; // kept if it grew
    }

    /// <summary>The grade of a page body's prose, read and counted block by block without keeping the text.</summary>
    public static Measure? Of(string bodyHtml)
    {
        var counts = new Counts();
        ReadBlocks(bodyHtml, block => counts.Add(block));
        return counts.Measure();
    }

    /// <summary>
    /// Counts words, sentences and syllables in one pass over the characters (no regular
    /// expressions: this runs over every word of every page). A sentence ends at '.', '!' or '?'
    /// followed by a space (after any closing quote or bracket), and at the end of each block.
    /// </summary>
    private sealed class Counts
    {
        private int _words, _sentences, _syllables;

        public void Add(ReadOnlySpan<char> block)
        {
            Span<char> lower = stackalloc char[64];
            var open = false; // the current sentence has a word
            for (var i = 0; i < block.Length;)
            {
                var c = block[i];
                if (IsLetter(c))
                {
                    // A word: letters, and an apostrophe or hyphen between two letters (don't,
                    // well-being), read and lower-cased in one pass.
                    var start = i;
                    var length = 0;
                    while (true)
                    {
                        if (length < lower.Length) lower[length] = Lower(c);
                        length++;
                        if (++i == block.Length) break;
                        c = block[i];
                        if (!IsLetter(c) && !(c is '\'' or '’' or '-' && i + 1 < block.Length && IsLetter(block[i + 1]))) break;
                    }
                    _words++;
                    _syllables += length <= lower.Length ? Syllables(lower[..length]) : Syllables(block[start..i].ToString()); // the string overload lower-cases
                    open = true;
                    continue;
                }
                i++;
                if (c is '.' or '!' or '?')
                {
                    var j = i;
                    while (j < block.Length && block[j] is '"' or '”' or '’' or ')') j++;
                    if ((j == block.Length || char.IsWhiteSpace(block[j])) && open) { _sentences++; open = false; }
                }
            }
            if (open) _sentences++;
        }

        public Measure? Measure()
        {
            if (_words < 20 || _sentences == 0) return null; // too little prose to measure
            var grade = 0.39 * _words / _sentences + 11.8 * _syllables / _words - 15.59;
            return new Measure(Math.Round(grade, 1), _words, _sentences, _syllables);
        }
    }

    /// <summary>
    /// <see cref="char.IsLetter(char)"/>, with the answer for ASCII worked out here: nearly every
    /// character of English prose is ASCII, and this is asked of every one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLetter(char c) => c < 128 ? (uint)((c | 0x20) - 'a') <= 'z' - 'a' : char.IsLetter(c);

    /// <summary><see cref="char.ToLowerInvariant(char)"/>, worked out here for ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Lower(char c) => c < 128 ? (char)(c is >= 'A' and <= 'Z' ? c | 0x20 : c) : char.ToLowerInvariant(c);

    /// <summary>
    /// Syllables in one word: vowel groups (two vowels at most per group), plus the pairs that are
    /// two syllables (tri-al, i-de-a, go-ing), less a silent final e and -es/-ed endings (but not
    /// -ted, -ded) and a leading y. On a list of common medical and everyday words it averages the
    /// dictionary count (99%).
    /// </summary>
    public static int Syllables(string word) => Syllables(word.ToLowerInvariant().AsSpan());

    private static int Syllables(ReadOnlySpan<char> w)
    {
        if (w.Length <= 3) return 1;
        var split = SplitPairs(w);
        var n = w.Length;
        if (w[n - 2] == 'e' && w[n - 1] == 'd' && !(Vowel(w[n - 3]) == 1 || w[n - 3] is 'l' or 't' or 'd')) w = w[..(n - 3)];
        else if (w[n - 2] == 'e' && w[n - 1] == 's' && !(Vowel(w[n - 3]) == 1 || w[n - 3] == 'l')) w = w[..(n - 3)];
        else if (w[n - 1] == 'e' && !(Vowel(w[n - 2]) == 1 || w[n - 2] == 'l')) w = w[..(n - 2)];
        if (w.Length > 0 && w[0] == 'y') w = w[1..];
        // A run of vowels is a group for every two of its letters (its 1st, 3rd, 5th letter starts
        // one), counted without a branch per letter: vowels and consonants alternate at random, and
        // a mispredicted branch at every letter made this the slowest part of the check.
        var (groups, run) = (0, 0);
        foreach (var c in w)
        {
            run = (run + 1) & -Vowel(c);
            groups += run & 1;
        }
        return Math.Max(1, groups + split);
    }

    private const uint VowelLetters = 1u << 'a' - 'a' | 1u << 'e' - 'a' | 1u << 'i' - 'a' | 1u << 'o' - 'a' | 1u << 'u' - 'a' | 1u << 'y' - 'a';

    /// <summary>1 for a, e, i, o, u and y, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Vowel(char c)
    {
        var letter = (uint)(c - 'a');
        return letter < 32 ? (int)(VowelLetters >> (int)letter & 1) : 0;
    }

    /// <summary>For each letter, the letters after it that can begin a pair below: ia, ie(t), io(u), ua, ui, eo.</summary>
    private static ReadOnlySpan<uint> PairSeconds =>
    [
        0, 0, 0, 0, 1u << 'o' - 'a', 0, 0, 0, 1u << 'a' - 'a' | 1u << 'e' - 'a' | 1u << 'o' - 'a', 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 1u << 'a' - 'a' | 1u << 'i' - 'a', 0, 0, 0, 0, 0,
    ];

    /// <summary>
    /// Whether a pair said apart can begin at a letter followed by <paramref name="next"/> (apart
    /// from the endings, which the caller checks by place): computed, not branched on, since most
    /// letters begin none and which do follows no pattern a processor can predict.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool MayStartPair(char letter, char next)
    {
        var (first, second) = ((uint)(letter - 'a'), (uint)(next - 'a'));
        var seconds = first < 26 ? PairSeconds[(int)first] : 0;
        return (seconds >> (int)(second & 31) & (second < 32 ? 1u : 0u)) != 0;
    }

    /// <summary>
    /// Vowel pairs said as two syllables: ia (not after c or t), iet, ua, eo, ui before c/d/t, a final -ea after a consonant, a final -ing, iou.
    /// Looked for only where such a pair can begin (an i, u or e, or the third letter from the end): this runs on every word of every page.
    /// </summary>
    private static int SplitPairs(ReadOnlySpan<char> w)
    {
        var count = 0;
        var n = w.Length;
        for (var i = 0; i < n;)
        {
            var next = i + 1 < n ? w[i + 1] : '\0';
            if (!MayStartPair(w[i], next) && i != n - 3) { i++; continue; }
            var step = w[i] switch
            {
                'i' when next == 'a' && (i == 0 || w[i - 1] is not ('c' or 't')) => 2,
                'i' when next == 'e' && i + 2 < n && w[i + 2] == 't' => 3,
                'u' when next == 'a' => 2,
                'e' when next == 'o' => 2,
                'u' when next == 'i' && i + 2 < n && w[i + 2] is 'c' or 'd' or 't' => 2,
                not ('a' or 'e' or 'i' or 'o' or 'u') when i == n - 3 && next == 'e' && w[i + 2] == 'a' => 3,
                'i' when i == n - 3 && next == 'n' && w[i + 2] == 'g' => 3,
                'i' when next == 'o' && i + 2 < n && w[i + 2] == 'u' => 3,
                _ => 0,
            };
            if (step == 0) i++;
            else { count++; i += step; }
        }
        return count;
    }
}
