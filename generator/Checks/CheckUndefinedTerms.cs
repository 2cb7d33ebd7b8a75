using System.Text.RegularExpressions;

namespace SiteGen.Checks;

/// <summary>
/// Gather, before layout: abbreviations of three or more capital letters (TRD, NMDA, REMS) in the prose of
/// a page for patients that the glossary does not define and the page does not spell out, as in
/// "treatment-resistant depression (TRD)", are listed in one 'undefined-term' warning per page.
/// A reader who does not know an abbreviation cannot look it up in the text.
/// </summary>
public sealed partial class CheckUndefinedTerms : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        foreach (var page in documents.Where(d => d.Kind == DocumentKind.Page && (d.Meta.Audience ?? context.Config.Audience) == "Patient"))
        {
            var prose = string.Join("\n", ReadingGrade.Prose(page.Content));
            var spelledOut = SpelledOut().Matches(prose).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
            var unknown = Abbreviation().Matches(prose).Select(m => m.Value)
                .Where(a => !context.Glossary.Knows(a) && !spelledOut.Contains(a) && !RomanNumeral().IsMatch(a))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
                context.Diagnostics.Report(CheckRule.UndefinedTerm, page.SourcePath, 1, 1,
                    $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is" : "are")} not in the glossary ({Glossary.SourcePath}) and not spelled out on this page; " +
                    "add a glossary entry, or write the words out the first time, as in 'treatment-resistant depression (TRD)'.");
        }
        return documents;
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
