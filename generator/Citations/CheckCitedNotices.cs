using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// Gather: a cited work that was retracted or withdrawn is an error unless its entry says why
/// it is still cited; one with a correction or an expression of concern is a warning
/// (<see cref="ReferenceNotices"/>). Works no page cites are not reported: the unused-citation
/// check speaks for them.
/// </summary>
public sealed class CheckCitedNotices : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var cited = documents.SelectMany(d => d.Citations).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in context.Citations.All.Where(r => r.Notices.Count > 0 && cited.Contains(r.Id)))
            ReferenceNotices.Report(reference, context.Diagnostics);
        return documents;
    }
}
