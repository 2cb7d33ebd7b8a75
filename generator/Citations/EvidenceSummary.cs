using System.Globalization;

namespace SiteGen.Citations;

/// <summary>
/// The line the evidence-limitations callout adds about what a page cites, computed from the
/// study designs and sample sizes in the citations file, in the theme's words, e.g. "This page
/// cites 1 randomized trial (n = 22), 2 systematic reviews and 1 case report."
/// </summary>
public static class EvidenceSummary
{
    public static string For(IEnumerable<PageCitation> citations, CitationLibrary library, Words words)
    {
        var references = citations.Select(c => library.Find(c.Key)).OfType<Reference>().ToList();
        if (references.Count == 0) return words.Text("evidence_summary_none");

        var groups = references
            .Where(r => r.Evidence.Design is not null)
            .GroupBy(r => r.Evidence.Design!.Key)
            .OrderBy(g => g.First().Evidence.Design!.Rank)
            .Select(g => Describe(g, words))
            .ToList();
        var undeclared = references.Count(r => r.Evidence.Design is null);
        if (undeclared > 0) groups.Add(words.Counted("design_unstated", undeclared));
        return words.Format("evidence_summary", ("list", words.List(groups)));
    }

    private static string Describe(IGrouping<string, Reference> group, Words words)
    {
        var design = group.First().Evidence.Design!;
        var count = group.Count();
        var text = words.Counted($"design_{design.Key}", count);
        var sizes = group.Select(r => r.Evidence.N).OfType<int>().ToList();
        if (!design.CountsParticipants || sizes.Count == 0) return text;
        var total = sizes.Sum().ToString("N0", CultureInfo.InvariantCulture);
        var sample = count == 1 ? words.Format("sample_size_one", ("n", total))
            : sizes.Count == count ? words.Format("sample_size_all", ("n", total))
            : words.Format("sample_size_some", ("n", total), ("reporting", sizes.Count));
        return text + " " + sample;
    }
}
