using System.Globalization;
using System.Text;
using SiteGen.Engine;

namespace SiteGen.References;

/// <summary>
/// The key a new entry is cited by: the first author's family name and the year ("lieb2004"), an
/// organisation's initials ("apa2013"), or the title's first word when no author is named;
/// "nd" when there is no year; a, b, c... after it when the key is taken.
/// </summary>
public static class CitationKey
{
    public static string For(Reference entry, IReadOnlySet<string> taken)
    {
        var name = entry.Authors.FirstOrDefault() is { } first ? NamePart(first) : "";
        if (name.Length == 0) name = Letters(entry.Title.Split(' ').FirstOrDefault(w => Letters(w).Length > 3) ?? "");
        if (name.Length == 0) name = "ref";
        var key = name + (entry.Year?.ToString(CultureInfo.InvariantCulture) ?? "nd");
        if (!taken.Contains(key)) return key;
        for (var suffix = 0; ; suffix++)
        {
            var candidate = key + Suffix(suffix);
            if (!taken.Contains(candidate)) return candidate;
        }
    }

    private static string NamePart(PersonName author)
    {
        if (author.Family is { } family) return Letters(family);
        var words = (author.Literal ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 1 ? Letters(words[0]) : string.Concat(words.Where(w => char.IsUpper(w[0])).Select(w => Letters(w).FirstOrDefault()).Where(c => c != '\0'));
    }

    /// <summary>a..z, then aa, ab...: the suffixes BibTeX styles use for one author's papers of one year.</summary>
    private static string Suffix(int n) => n < 26 ? ((char)('a' + n)).ToString() : Suffix(n / 26 - 1) + (char)('a' + n % 26);

    /// <summary>The ASCII letters of a name, lower case, accents dropped ("Müller" is "muller").</summary>
    private static string Letters(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
            if (char.IsAsciiLetter(c)) builder.Append(char.ToLowerInvariant(c));
        return builder.ToString();
    }
}
