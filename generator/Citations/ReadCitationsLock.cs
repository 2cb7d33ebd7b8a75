using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// Settings: reads input/citations.lock.json (written by `sitegen refs verify`), never the
/// network. Each entry gets the notices its registries gave, which every reference list shows
/// (<see cref="CheckCitedNotices"/> reports the cited ones). With a date (`sitegen check`), also says
/// which entries were never verified or changed since, and when the lock is older than
/// 'references_max_age' days.
/// </summary>
public sealed class ReadCitationsLock(DateOnly? today = null) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var path = Path.Combine(context.Paths.Input, CitationLibrary.LockFile);
        var locked = CitationsLock.Read(path, CitationLibrary.LockFile, context.Diagnostics);
        var references = context.Citations.All.Select(reference =>
            locked.TryGetValue(reference.Id, out var entry) && entry.EntryDigest == CitationsLock.Digest(reference)
                ? reference with { Notices = entry.Notices }
                : reference).ToList();
        context.Citations = new CitationLibrary(references);
        if (today is { } day) ReportUnverified(references, locked, day, context);
        return documents;
    }

    private static void ReportUnverified(IReadOnlyList<Reference> references, IReadOnlyDictionary<string, LockedEntry> locked, DateOnly today, BuildContext context)
    {
        var identified = references.Where(r => r.Doi is not null || r.Pmid is not null).OrderBy(r => r.SourceFile, StringComparer.Ordinal).ThenBy(r => r.SourceLine).ToList();
        if (identified.Count == 0) return;
        if (locked.Count == 0)
        {
            var first = identified[0];
            context.Diagnostics.Report(CheckRule.UnverifiedReference, first.SourceFile, 1, 1,
                $"none of the {identified.Count} entries with a DOI or PMID has been checked against its registry record; " +
                $"run 'sitegen refs verify' (it needs the network) and commit {CitationLibrary.LockFile}.");
            return;
        }
        foreach (var reference in identified)
        {
            if (!locked.TryGetValue(reference.Id, out var entry))
                context.Diagnostics.Report(CheckRule.UnverifiedReference, reference.SourceFile, reference.SourceLine, 1,
                    $"citation '{reference.Id}' has not been checked against its registry record; run 'sitegen refs verify'.");
            else if (entry.EntryDigest != CitationsLock.Digest(reference))
                context.Diagnostics.Report(CheckRule.UnverifiedReference, reference.SourceFile, reference.SourceLine, 1,
                    $"citation '{reference.Id}' changed since it was checked against its registry record on {entry.Checked}; run 'sitegen refs verify'.");
        }
        var oldest = locked.Values.Select(e => IsoDate.TryParse(e.Checked, out var d) ? d : DateOnly.MinValue).Min();
        var age = today.DayNumber - oldest.DayNumber;
        if (age > context.Config.ReferencesMaxAgeDays)
            context.Diagnostics.Report(CheckRule.UnverifiedReference, CitationLibrary.LockFile, 1, 1,
                $"the oldest check in this lock is {age} days old (from {oldest:yyyy-MM-dd}), more than references_max_age ({context.Config.ReferencesMaxAgeDays}); " +
                "run 'sitegen refs verify' for retractions and corrections published since.");
    }
}
