using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Checks;

/// <summary>
/// The Flesch-Kincaid grade of a page's prose: 0.39 x words per sentence + 11.8 x syllables per
/// word - 15.59, on the rendered text a reader reads. Citation markers, tables, code, footnotes,
/// reference lists, the callout and "For clinicians" blocks (<c>::: for-clinicians</c>) are left
/// out, as are headings. Each paragraph or list item ends a sentence even without a full stop.
/// Syllables are counted by the usual vowel-group rule, which is within about one syllable in ten
/// of a dictionary count: the grade is a guide, good to about one grade.
/// </summary>
public static partial class ReadingGrade
{
    /// <summary>The parts of a page the measure skips: not running prose, or written for clinicians.</summary>
    public const string Skipped = ".citation, .glossary-tip, table, pre, code, .footnotes, section.references, .evidence-limitations, .for-clinicians, h1, h2, h3, h4, h5, h6, figure, .table-scroll";

    public sealed record Measure(double Grade, int Words, int Sentences, int Syllables);

    /// <summary>The prose a reader reads on a page, block by block, without the parts in <see cref="Skipped"/>.</summary>
    public static IReadOnlyList<string> Prose(string bodyHtml)
    {
        var document = new HtmlParser().ParseDocument("<!DOCTYPE html><body>" + bodyHtml);
        foreach (var skipped in document.Body!.QuerySelectorAll(Skipped).ToList()) skipped.Remove();
        return [.. Blocks(document.Body!)];
    }

    public static Measure? Of(string bodyHtml) => Of(Prose(bodyHtml));

    public static Measure? Of(IReadOnlyList<string> prose)
    {
        var (words, sentences, syllables) = (0, 0, 0);
        foreach (var block in prose)
        {
            foreach (var sentence in SentenceEnd().Split(block))
            {
                var counted = WordPattern().Matches(sentence).Select(m => m.Value).ToList();
                if (counted.Count == 0) continue;
                sentences++;
                words += counted.Count;
                syllables += counted.Sum(Syllables);
            }
        }
        if (words < 20 || sentences == 0) return null; // too little prose to measure
        var grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59;
        return new Measure(Math.Round(grade, 1), words, sentences, syllables);
    }

    /// <summary>The text of each paragraph-like block: a p, li, dd or blockquote with no such block inside.</summary>
    private static IEnumerable<string> Blocks(IElement body) =>
        body.QuerySelectorAll("p, li, dd, blockquote, div")
            .Where(e => e.QuerySelector("p, li, dd, blockquote, div") is null)
            .Select(e => e.TextContent);

    /// <summary>
    /// Syllables in one word: vowel groups, plus the pairs that are two syllables (tri-al, i-de-a,
    /// go-ing), less a silent final e and -es/-ed endings (but not -ted, -ded). On a list of common
    /// medical and everyday words it averages the dictionary count (99%).
    /// </summary>
    public static int Syllables(string word)
    {
        var w = word.ToLowerInvariant();
        if (w.Length <= 3) return 1;
        var split = SplitPair().Matches(w).Count;
        w = SilentEnding().Replace(w, "");
        w = LeadingY().Replace(w, "");
        return Math.Max(1, VowelGroup().Matches(w).Count + split);
    }

    [GeneratedRegex("(?<![ct])ia|iet|ua|eo|ui(?=[cdt])|[^aeiou]ea$|ing$|iou")]
    private static partial Regex SplitPair();

    [GeneratedRegex(@"(?<=[.!?])[""”’)]*\s+")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\p{L}+(?:['’-]\p{L}+)*")]
    private static partial Regex WordPattern();

    [GeneratedRegex("(?:[^laeiouytd]ed|[^laeiouy]es|[^laeiouy]e)$")]
    private static partial Regex SilentEnding();

    [GeneratedRegex("^y")]
    private static partial Regex LeadingY();

    [GeneratedRegex("[aeiouy]{1,2}")]
    private static partial Regex VowelGroup();
}
