using System.Globalization;

namespace SiteGen.Citations;

/// <summary>
/// The line the evidence-limitations callout adds about what a page cites, computed from the
/// study designs, conditions and sample sizes in the citations file, in the theme's words, e.g.
/// "This page cites 1 randomised trial in BPD (n = 22), 1 randomised trial in depression
/// (n = 227) and 2 systematic reviews." Studies are grouped by design and by the condition of
/// their participants ('condition:' in the note), and participants are never added up across
/// studies: a sum of unrelated trials reads as one bigger trial.
/// </summary>
public static class EvidenceSummary
{
    /// <param name="focus">The condition the site is about (site.yml 'evidence_focus'): its studies come first within each design.</param>
    public static string For(IEnumerable<PageCitation> citations, CitationLibrary library, Words words, string? focus = null)
    {
        var references = citations.Select(c => library.Find(c.Key)).OfType<Reference>().ToList();
        if (references.Count == 0) return words.Text("evidence_summary_none");

        var groups = references
            .Where(r => r.Evidence.Design is not null)
            .GroupBy(r => (r.Evidence.Design!.Key, Condition: r.Evidence.Design!.IsStudy ? r.Evidence.Condition?.Trim() : null))
            .OrderBy(g => g.First().Evidence.Design!.Rank)
            .ThenBy(g => g.Key.Condition is null ? 2 : string.Equals(g.Key.Condition, focus, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .ThenBy(g => g.Key.Condition, StringComparer.OrdinalIgnoreCase)
            .Select(g => Describe(g.ToList(), g.Key.Condition, words))
            .ToList();
        var undeclared = references.Count(r => r.Evidence.Design is null);
        if (undeclared > 0) groups.Add(words.Counted("design_unstated", undeclared));
        return words.Format("evidence_summary", ("list", words.List(groups)));
    }

    private static string Describe(List<Reference> group, string? condition, Words words)
    {
        var design = group[0].Evidence.Design!;
        var text = words.Counted($"design_{design.Key}", group.Count);
        if (condition is not null) text += " " + words.Format("in_condition", ("condition", condition));
        // Each study's own n, in the order the page cites them; never their sum.
        var sizes = group.Select(r => r.Evidence.N).OfType<int>()
            .Select(n => n.ToString("N0", CultureInfo.InvariantCulture)).ToList();
        if (!design.CountsParticipants || sizes.Count == 0) return text;
        var sample = group.Count == 1 ? words.Format("sample_size_one", ("n", sizes[0]))
            : sizes.Count == group.Count ? words.Format("sample_size_each", ("list", words.List(sizes)))
            : words.Format("sample_size_some", ("list", words.List(sizes)), ("reporting", sizes.Count));
        return text + " " + sample;
    }
}
