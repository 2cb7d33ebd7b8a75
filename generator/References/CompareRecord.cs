using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SiteGen.Engine;

namespace SiteGen.References;

/// <summary>
/// Compares an entry of the citations file with its registry record: title (tolerant of case,
/// punctuation, accents, HTML and LaTeX markup, and a subtitle one side leaves out), the first
/// author's family name, the year (any the registry gives: print or online), the journal (full
/// or abbreviated), volume and first page where both have them. Says what differs, both ways.
/// </summary>
public static partial class CompareRecord
{
    /// <summary>The fields that differ, as "the entry says X, the record Y" phrases; empty when they agree.</summary>
    public static IReadOnlyList<string> Differences(Reference entry, ReferenceRecord record)
    {
        var found = new List<string>();
        if (!string.IsNullOrWhiteSpace(entry.Title) && record.Title is { } title && !SameTitle(entry.Title, title))
            found.Add($"title '{entry.Title}' (the record: '{title}')");
        var family = entry.NamedAuthors.FirstOrDefault() is { Family: { } f } ? f : null;
        if (family is not null && record.FirstAuthor is { } author && !SameName(family, author))
            found.Add($"first author {family} (the record: {author})");
        if (entry.Year is { } year && record.Year is { } recordYear && year != recordYear && !record.OtherYears.Contains(year))
            found.Add($"year {year} (the record: {recordYear})");
        if (entry.ContainerTitle is { } container && record.ContainerTitles.Count > 0 && !record.ContainerTitles.Any(c => SameJournal(container, c)))
            found.Add($"journal '{container}' (the record: '{record.ContainerTitles[0]}')");
        if (entry.Volume is { } volume && record.Volume is { } recordVolume && Fold(volume) != Fold(recordVolume))
            found.Add($"volume {volume} (the record: {recordVolume})");
        if (entry.Page is { } page && record.Page is { } recordPage && FirstPage(page) != FirstPage(recordPage))
            found.Add($"pages {page} (the record: {recordPage})");
        return found;
    }

    /// <summary>Same title: equal once normalised, or one is the other with a subtitle, or all but a word or two in common.</summary>
    public static bool SameTitle(string a, string b)
    {
        var x = Normalise(a);
        var y = Normalise(b);
        if (x == y) return true;
        if (x.Length == 0 || y.Length == 0) return false;
        if (x.StartsWith(y + " ", StringComparison.Ordinal) || y.StartsWith(x + " ", StringComparison.Ordinal))
            return Math.Min(x.Length, y.Length) >= 12; // a title, not one word, before the subtitle
        var wordsX = x.Split(' ');
        var wordsY = y.Split(' ');
        var common = wordsX.Intersect(wordsY).Count();
        return 2.0 * common / (wordsX.Distinct().Count() + wordsY.Distinct().Count()) >= 0.9;
    }

    private static bool SameName(string family, string recordName)
    {
        var x = Normalise(family);
        var y = Normalise(recordName);
        return x == y || y.StartsWith(x + " ", StringComparison.Ordinal) || x.EndsWith(" " + y, StringComparison.Ordinal) ||
               y.EndsWith(" " + x, StringComparison.Ordinal) || x.Replace(" ", "") == y.Replace(" ", "");
    }

    /// <summary>Same journal: equal once normalised, or one abbreviates the other word by word ("J Psychiatr Res").</summary>
    private static bool SameJournal(string a, string b)
    {
        string[] Words(string s) => Normalise(s).Split(' ').Where(w => w.Length > 0 && w is not ("the" or "of" or "and" or "for" or "in")).ToArray();
        var x = Words(a);
        var y = Words(b);
        if (x.SequenceEqual(y)) return true;
        if (x.Length != y.Length) return false;
        return x.Zip(y).All(p => p.First.StartsWith(p.Second, StringComparison.Ordinal) || p.Second.StartsWith(p.First, StringComparison.Ordinal));
    }

    private static string FirstPage(string pages) => Fold(pages.Split('-', '–', '—', ',')[0]);

    private static string Fold(string text) => Normalise(text).Replace(" ", "");

    /// <summary>Lower case, accents and markup dropped, every run of other characters one space.</summary>
    public static string Normalise(string text)
    {
        var plain = Markup().Replace(text, " ");
        plain = LatexCommand().Replace(plain, " ");
        var decomposed = plain.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = true;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space)
            {
                builder.Append(' ');
                space = true;
            }
        }
        return builder.ToString().Trim();
    }

    [GeneratedRegex(@"<[^>]{0,200}>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"\\[a-zA-Z]+")]
    private static partial Regex LatexCommand();
}
