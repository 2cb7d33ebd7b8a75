using SiteGen.Citations;
using SiteGen.Build;
using SiteGen.Registry;

namespace SiteGen.References;

/// <summary>What `sitegen refs verify` and `refs add` need: the input folder, today, and how to treat the services.</summary>
/// <param name="Refresh">Ask again for entries checked recently (by default, an unchanged entry checked within <paramref name="FreshDays"/> is not fetched again).</param>
/// <param name="Services">Where the registries answer; null: the public services, or the SITEGEN_*_API variables.</param>
public sealed record RefsOptions(string Input, DateOnly Today, bool Refresh = false, int FreshDays = 7, int TimeoutSeconds = 20, TimeSpan? MaxRetryWait = null,
    RegistryServices? Services = null);

/// <summary>What a refs command found, and how many entries it fetched from the registries.</summary>
public sealed record RefsResult(int ExitCode, IReadOnlyList<Diagnostic> Diagnostics, int Entries = 0, int Fetched = 0);

/// <summary>
/// `sitegen refs verify`: every entry with a DOI or PMID is compared with its registry record
/// (Crossref, PubMed; the DOI handle API for DOIs Crossref does not hold). Mismatches, DOIs that
/// do not exist, a DOI and a PMID naming different papers, one paper cited by two entries, and
/// retractions and corrections are findings at the entry's line. What was fetched is written to
/// input/citations.lock.json, which builds read instead of the network; when a service cannot be
/// reached the lock is left as it was.
/// </summary>
public static class VerifyReferences
{
    public static RefsResult Run(RefsOptions options, Log log)
    {
        if (SettingsOnly.Load(options.Input) is not { } context) return new RefsResult(BuildResult.UsageError, [new Diagnostic(Severity.Error, "", 0, 0, $"input folder '{options.Input}' does not exist; run from the site's folder or pass --input.")]);
        var diagnostics = context.Diagnostics;
        // Errors in site.yml or the citations (a malformed DOI or PMID among them) are fixed first.
        if (diagnostics.HasErrors) return new RefsResult(BuildResult.ContentErrors, diagnostics.All);

        var lockPath = Path.Combine(context.Paths.Input, CitationLibrary.LockFile);
        var previous = CitationsLock.Read(lockPath, CitationLibrary.LockFile, diagnostics);
        var entries = context.Citations.All.Where(r => r.Doi is not null || r.Pmid is not null)
            .OrderBy(r => r.SourceFile, StringComparer.Ordinal).ThenBy(r => r.SourceLine).ToList();
        ReportSharedIdentifiers(entries, diagnostics);

        var locked = new Dictionary<string, LockedEntry>(StringComparer.Ordinal);
        var fetched = 0;
        using var client = new PoliteClient(context.Config.Mailto, TimeSpan.FromSeconds(options.TimeoutSeconds), options.MaxRetryWait);
        var registries = new Registries(client, options.Services ?? RegistryServices.FromEnvironment());
        try
        {
            foreach (var entry in entries)
            {
                var digest = CitationsLock.Digest(entry);
                if (!options.Refresh && previous.TryGetValue(entry.Id, out var known) && known.EntryDigest == digest && Fresh(known.Checked, options))
                    locked[entry.Id] = known;
                else
                {
                    log.Info($"sitegen: checking '{entry.Id}' ({string.Join(", ", new[] { entry.Doi is null ? null : "DOI " + entry.Doi, entry.Pmid is null ? null : "PMID " + entry.Pmid }.OfType<string>())})");
                    locked[entry.Id] = new LockedEntry(options.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), digest, Fetch(entry, registries, diagnostics));
                    fetched++;
                }
                Compare(entry with { Notices = locked[entry.Id].Notices }, locked[entry.Id].Records, diagnostics);
            }
        }
        catch (ServiceUnavailableException ex)
        {
            diagnostics.Error(ex.Message + $"; nothing was changed in {CitationLibrary.LockFile}. Try again later (or check the SITEGEN_*_API settings).");
            return new RefsResult(BuildResult.ContentErrors, diagnostics.All, entries.Count, fetched);
        }
        CitationsLock.Write(lockPath, locked);
        return new RefsResult(diagnostics.HasErrors ? BuildResult.ContentErrors : BuildResult.Success, diagnostics.All, entries.Count, fetched);
    }

    private static bool Fresh(string checkedOn, RefsOptions options) =>
        IsoDate.TryParse(checkedOn, out var day) && options.Today.DayNumber - day.DayNumber < options.FreshDays;

    /// <summary>The entry's records; a DOI or PMID the registries do not know is an error (and has no record).</summary>
    private static List<ReferenceRecord> Fetch(Reference entry, Registries registries, Diagnostics diagnostics)
    {
        var records = new List<ReferenceRecord>();
        if (entry.Doi is { } doi)
        {
            if (registries.Crossref(doi) is { } record) records.Add(record);
            else if (!registries.DoiExists(doi))
                diagnostics.Report(CheckRule.ReferenceMismatch, entry.SourceFile, entry.SourceLine, 1,
                    $"citation '{entry.Id}': the DOI {doi} does not exist (the DOI system does not know it); copy the DOI again from the article's page.");
            else
                diagnostics.Warning(entry.SourceFile, entry.SourceLine, 1,
                    $"citation '{entry.Id}': the DOI {doi} exists but is not registered with Crossref, so its record was not compared; check the entry by hand.");
        }
        if (entry.Pmid is { } pmid)
        {
            if (registries.PubMed(pmid) is { } record) records.Add(record);
            else
                diagnostics.Report(CheckRule.ReferenceMismatch, entry.SourceFile, entry.SourceLine, 1,
                    $"citation '{entry.Id}': PubMed has no article with PMID {pmid}; copy the PMID again from the article's PubMed page.");
        }
        return records;
    }

    private static void Compare(Reference entry, IReadOnlyList<ReferenceRecord> records, Diagnostics diagnostics)
    {
        foreach (var record in records)
        {
            var differences = CompareRecord.Differences(entry, record);
            if (differences.Count == 0) continue;
            var identifier = record.Source == "crossref" ? $"DOI {entry.Doi}" : $"PMID {entry.Pmid}";
            diagnostics.Report(CheckRule.ReferenceMismatch, entry.SourceFile, entry.SourceLine, 1,
                $"citation '{entry.Id}': {identifier} is registered to {record.Describe()}, but the entry says {string.Join("; ", differences)}. " +
                "Correct the entry, or the identifier if it belongs to another paper.");
        }
        var crossref = records.FirstOrDefault(r => r.Source == "crossref");
        var pubmed = records.FirstOrDefault(r => r.Source == "pubmed");
        if (crossref is not null && pubmed is not null)
        {
            var different = pubmed.Doi is { } pubmedDoi
                ? !string.Equals(pubmedDoi, entry.Doi, StringComparison.OrdinalIgnoreCase)
                : crossref.Title is { } a && pubmed.Title is { } b && !CompareRecord.SameTitle(a, b);
            if (different)
                diagnostics.Report(CheckRule.ReferenceMismatch, entry.SourceFile, entry.SourceLine, 1,
                    $"citation '{entry.Id}': the DOI and the PMID name different papers: DOI {entry.Doi} is {crossref.Describe()}, " +
                    $"PMID {entry.Pmid} is {pubmed.Describe()}{(pubmed.Doi is { } d ? $" (whose DOI is {d})" : "")}; keep the identifiers of the paper the page means.");
        }
        ReferenceNotices.Report(entry, diagnostics);
    }

    /// <summary>Two entries with one DOI or PMID are one paper cited twice, or a copied identifier.</summary>
    private static void ReportSharedIdentifiers(IReadOnlyList<Reference> entries, Diagnostics diagnostics)
    {
        foreach (var (name, key) in new (string, Func<Reference, string?>)[] { ("DOI", r => r.Doi?.ToLowerInvariant()), ("PMID", r => r.Pmid) })
            foreach (var group in entries.Where(r => key(r) is not null).GroupBy(r => key(r)!, StringComparer.Ordinal).Where(g => g.Count() > 1))
            {
                var first = group.First();
                foreach (var other in group.Skip(1))
                    diagnostics.Report(CheckRule.ReferenceMismatch, other.SourceFile, other.SourceLine, 1,
                        $"citation '{other.Id}' has the {name} {group.Key} of citation '{first.Id}' ({first.SourceFile}:{first.SourceLine}); " +
                        "one paper needs one entry: cite that entry, or correct this identifier.");
            }
    }
}
