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
        var current = new System.Text.StringBuilder();
        string? skipping = null;
        var skipDepth = 0;
        void Flush()
        {
            var text = current.ToString().Trim();
            if (text.Length > 0) blocks.Add(text);
            current.Clear();
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
                    current.Append(tokens.Text.Contains('&') ? Html.HtmlTokenizer.Decode(tokens.Text) : tokens.Text);
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
        return blocks;
    }

    public static Measure? Of(string bodyHtml) => Of(Prose(bodyHtml));

    /// <summary>
    /// Counts words, sentences and syllables in one pass over the characters (no regular
    /// expressions: this runs over every word of every page). A sentence ends at '.', '!' or '?'
    /// followed by a space (after any closing quote or bracket), and at the end of each block.
    /// </summary>
    public static Measure? Of(IReadOnlyList<string> prose)
    {
        var (words, sentences, syllables) = (0, 0, 0);
        Span<char> buffer = stackalloc char[64];
        foreach (var block in prose)
        {
            var open = false; // the current sentence has a word
            for (var i = 0; i < block.Length;)
            {
                var c = block[i];
                if (char.IsLetter(c))
                {
                    var start = i;
                    while (i < block.Length && (char.IsLetter(block[i]) ||
                           (block[i] is '\'' or '’' or '-' && i + 1 < block.Length && char.IsLetter(block[i + 1]) && i > start))) i++;
                    var word = block.AsSpan(start, i - start);
                    words++;
                    syllables += word.Length <= buffer.Length ? Counted(Lower(word, buffer)) : Syllables(word.ToString().ToLowerInvariant());
                    open = true;
                    continue;
                }
                i++;
                if (c is '.' or '!' or '?')
                {
                    var j = i;
                    while (j < block.Length && block[j] is '"' or '”' or '’' or ')') j++;
                    if ((j == block.Length || char.IsWhiteSpace(block[j])) && open) { sentences++; open = false; }
                }
            }
            if (open) sentences++;
        }
        if (words < 20 || sentences == 0) return null; // too little prose to measure
        var grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
        return new Measure(Math.Round(grade, 1), words, sentences, syllables);
    }

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        for (var i = 0; i < word.Length; i++) buffer[i] = char.ToLowerInvariant(word[i]);
        return buffer[..word.Length];
    }

    /// <summary>Each thread's count of the words it met: most words of a site are words met before.</summary>
    [ThreadStatic] private static Dictionary<string, int>? _counted;

    /// <summary>
    /// The most words a thread remembers (about 1.5 MB); past that, words are counted each time. The
    /// common words come first, and a site's words stay with the process (serve, the workers).
    /// </summary>
    private const int MostCounted = 20_000;

    private static int Counted(ReadOnlySpan<char> word)
    {
        var counted = _counted ??= new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counted.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var syllables)) return syllables;
        syllables = Syllables(word);
        if (counted.Count < MostCounted) lookup[word] = syllables;
        return syllables;
    }

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
        if (n >= 3 && w[n - 2] == 'e' && w[n - 1] == 'd' && !"laeiouytd".Contains(w[n - 3])) w = w[..(n - 3)];
        else if (n >= 3 && w[n - 2] == 'e' && w[n - 1] == 's' && !"laeiouy".Contains(w[n - 3])) w = w[..(n - 3)];
        else if (n >= 2 && w[n - 1] == 'e' && !"laeiouy".Contains(w[n - 2])) w = w[..(n - 2)];
        if (w.Length > 0 && w[0] == 'y') w = w[1..];
        var groups = 0;
        for (var i = 0; i < w.Length;)
        {
            if (!IsVowel(w[i])) { i++; continue; }
            groups++;
            i += i + 1 < w.Length && IsVowel(w[i + 1]) ? 2 : 1;
        }
        return Math.Max(1, groups + split);
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

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
