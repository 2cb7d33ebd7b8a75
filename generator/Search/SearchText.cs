using System.Text;

namespace SiteGen.Search;

/// <summary>
/// How text becomes search terms, on both sides: fold case and accents, split into words, drop
/// stop words, and strip common English suffixes so "infusions" finds "infusion". The browser
/// gets the same stop words and suffix rules in the index manifest, so the two never disagree.
/// </summary>
public static class SearchText
{
    /// <summary>Words too common to help ranking (the browser gets this list in the manifest).</summary>
    public static readonly string[] StopWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "into",
        "is", "it", "its", "of", "on", "or", "s", "that", "the", "their", "this", "to", "was", "were", "which", "with",
    ];

    /// <summary>Suffix rules, tried in order; the first that fits wins: [suffix, replacement, shortest stem kept].</summary>
    public static readonly (string Suffix, string Replacement, int MinStem)[] SuffixRules =
    [
        ("ies", "y", 3), ("sses", "ss", 3), ("ness", "", 4), ("ings", "", 4), ("ing", "", 4), ("edly", "", 4),
        ("ed", "", 4), ("ly", "", 4), ("es", "e", 4), ("ss", "ss", 2), ("us", "us", 2), ("is", "is", 2), ("s", "", 3),
    ];

    private static readonly HashSet<string> Stop = new(StopWords, StringComparer.Ordinal);

    /// <summary>Lower case without accents: "Naïve Café" becomes "naive cafe".</summary>
    public static string Fold(string text)
    {
        if (Ascii.IsValid(text)) return text.ToLowerInvariant();
        var folded = new StringBuilder(text.Length);
        foreach (var c in text) folded.Append(FoldedWords.Fold(c));
        return folded.ToString();
    }

    /// <summary>The folded words of a text, in order (letters and digits; everything else separates).</summary>
    public static IEnumerable<string> Words(string text)
    {
        var words = new FoldedWords(text);
        var list = new List<string>();
        while (words.Next()) list.Add(words.Word.ToString());
        return list;
    }

    /// <summary>
    /// Words worth indexing: not stop words, at least two characters, and either free of digits or
    /// a plain number of up to four digits (a year, a sample size) - not DOI and page fragments.
    /// </summary>
    public static bool IsIndexed(string word)
    {
        if (word.Length < 2 || Stop.Contains(word)) return false;
        var digits = 0;
        foreach (var c in word) if (char.IsDigit(c)) digits++;
        return digits == 0 || (digits == word.Length && word.Length <= 4);
    }

    /// <summary>The stem of a folded word by the first suffix rule that fits.</summary>
    public static string Stem(string word)
    {
        foreach (var (suffix, replacement, minStem) in SuffixRules)
        {
            if (word.Length - suffix.Length < minStem || !word.EndsWith(suffix, StringComparison.Ordinal)) continue;
            return word[..^suffix.Length] + replacement;
        }
        return word;
    }
}
