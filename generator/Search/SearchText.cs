using System.Text;

namespace SiteGen.Search;

/// <summary>
/// How text becomes search terms, on both sides: fold case and accents, split into words, drop
/// stop words, and stem with Snowball English so "infusions" finds "infusion". The browser gets
/// the same stop words in the index manifest and runs the same stemmer, so the two never disagree.
/// </summary>
public static class SearchText
{
    /// <summary>Words too common to help ranking (the browser gets this list in the manifest).</summary>
    public static readonly string[] StopWords =
    [
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "from", "has", "have", "in", "into",
        "is", "it", "its", "of", "on", "or", "s", "that", "the", "their", "this", "to", "was", "were", "which", "with",
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
    /// Words worth indexing: not stop words, and at least two characters. Words with digits
    /// (NCT03395314, CG78, 988, 2023) are kept whole: readers search for registry numbers,
    /// guideline codes and phone numbers as they are written.
    /// </summary>
    public static bool IsIndexed(string word) => word.Length >= 2 && !Stop.Contains(word);

    /// <summary>The stem of a folded word (<see cref="EnglishStemmer"/>); a word with digits is its own stem.</summary>
    public static string Stem(string word)
    {
        foreach (var c in word) if (char.IsAsciiDigit(c)) return word;
        return EnglishStemmer.Stem(word);
    }
}
