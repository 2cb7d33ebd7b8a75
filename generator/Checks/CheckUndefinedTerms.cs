using System.Text.RegularExpressions;

namespace SiteGen.Checks;

/// <summary>
/// Render, in the pages' stream once the page is HTML: abbreviations of three or more capital letters (TRD, NMDA, REMS) in the prose of
/// a page for patients that the glossary does not define and the page does not spell out, as in
/// "treatment-resistant depression (TRD)", are listed in one 'undefined-term' warning per page.
/// A reader who does not know an abbreviation cannot look it up in the text.
/// </summary>
public sealed partial class CheckUndefinedTerms : PerDocumentModule
{
    /// <summary>Besides the page, the glossary: in `serve` a page is read again only when it or the glossary changed.</summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context)
    {
        var glossary = BuildCache.FileDigest(context.Paths.InputFile(Glossary.SourcePath));
        return _ => glossary;
    }

    protected override Document Process(Document page, BuildContext context)
    {
        if ((page.Meta.Audience ?? context.Config.Audience) != "Patient") return page;
        var unknown = Abbreviations(page.Content).Where(a => !context.Glossary.Knows(a)).ToList();
        if (unknown.Count > 0)
            context.Diagnostics.Report(CheckRule.UndefinedTerm, page.SourcePath, 1, 1,
                $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is" : "are")} not in the glossary ({Glossary.SourcePath}) and not spelled out on this page; " +
                "add a glossary entry, or write the words out the first time, as in 'treatment-resistant depression (TRD)'.");
        return page;
    }

    /// <summary>Three or more capitals that are not a Roman numeral and are not spelled out on the page, in order.</summary>
    private static List<string> Abbreviations(string content)
    {
        // Most pages have no three capitals in a row anywhere in their text (nine in ten of the
        // benchmark corpus): those are neither read into prose nor searched.
        if (!TextMayHaveCapitalRun(content)) return [];
        var text = string.Join("\n", ReadingGrade.Prose(content));
        var candidates = Abbreviation().Matches(text).Select(m => m.Value)
            .Where(a => !RomanNumeral().IsMatch(a)).Distinct(StringComparer.Ordinal).ToList();
        if (candidates.Count == 0) return [];
        var spelledOut = SpelledOut().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return [.. candidates.Where(a => !spelledOut.Contains(a)).Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Whether the text between the tags may hold three capitals in a row. Rendered HTML escapes
    /// every '&lt;' in text, so text is never taken for a tag; a character reference (&amp;#65;) could
    /// spell a capital, so a page with one is always read.
    /// </summary>
    private static bool TextMayHaveCapitalRun(string html)
    {
        if (html.Contains("&#", StringComparison.Ordinal)) return true;
        var run = 0;
        var inTag = false;
        foreach (var c in html)
        {
            if (inTag) { if (c == '>') inTag = false; continue; }
            if (c == '<') inTag = true; // "AB<em>C</em>" reads as ABC: a tag does not end the run
            else if (c is >= 'A' and <= 'Z') { if (++run == 3) return true; }
            else run = 0;
        }
        return false;
    }

    /// <summary>Three or more capital letters as a word; a code with digits (NCT03395314) names a record, not a term.</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{Nd}])[A-Z]{3,}(?![\p{L}\p{Nd}])")]
    private static partial Regex Abbreviation();

    /// <summary>Schedule III, Phase IV: a number, not an abbreviation.</summary>
    [GeneratedRegex("^[IVXLC]+$")]
    private static partial Regex RomanNumeral();

    /// <summary>"words (ABBR)": the abbreviation is explained where it is introduced.</summary>
    [GeneratedRegex(@"\p{L}[\p{L}\s-]+\(([A-Z][A-Z0-9]{2,})\)")]
    private static partial Regex SpelledOut();
}
