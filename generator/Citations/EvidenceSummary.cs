using System.Globalization;
using System.Text;

namespace SiteGen.Citations;

/// <summary>
/// The line the evidence-limitations callout adds about what a page cites, computed from the
/// study designs and sample sizes in the citations file, e.g. "This page cites 1 randomized
/// trial (n = 22), 2 systematic reviews and 1 case report."
/// </summary>
public static class EvidenceSummary
{
    public static string For(IEnumerable<PageCitation> citations, CitationLibrary library)
    {
        var references = citations.Select(c => library.Find(c.Key)).OfType<Reference>().ToList();
        if (references.Count == 0) return "This page cites no studies.";

        var groups = references
            .Where(r => r.Evidence.Design is not null)
            .GroupBy(r => r.Evidence.Design!.Singular)
            .OrderBy(g => g.First().Evidence.Design!.Rank)
            .Select(Describe)
            .ToList();
        var undeclared = references.Count(r => r.Evidence.Design is null);
        if (undeclared > 0) groups.Add($"{undeclared} {(undeclared == 1 ? "source" : "sources")} of unstated design");
        return "This page cites " + JoinAsList(groups) + ".";
    }

    private static string Describe(IGrouping<string, Reference> group)
    {
        var design = group.First().Evidence.Design!;
        var count = group.Count();
        var text = new StringBuilder($"{count} {(count == 1 ? design.Singular : design.Plural)}");
        var sizes = group.Select(r => r.Evidence.N).OfType<int>().ToList();
        if (design.CountsParticipants && sizes.Count > 0)
        {
            var total = sizes.Sum().ToString("N0", CultureInfo.InvariantCulture);
            text.Append(count == 1 ? $" (n = {total})"
                : sizes.Count == count ? $" (n = {total} in all)" : $" (n = {total} in the {sizes.Count} that report it)");
        }
        return text.ToString();
    }

    private static string JoinAsList(IReadOnlyList<string> items) => items.Count switch
    {
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
