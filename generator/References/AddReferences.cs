using System.Globalization;
using System.Text;
using SiteGen.Build;
using SiteGen.Citations;
using SiteGen.Engine;
using SiteGen.Registry;

namespace SiteGen.References;

/// <summary>
/// `sitegen refs add DOI|PMID...`: fetches each work's record (Crossref for a DOI, PubMed for a
/// PMID, each completed by the other when it names the same paper) and appends an entry to the
/// citations file in the file's own format (CSL-JSON or BibTeX), keyed "familyYEAR" (a, b... on a
/// clash), with a note saying where and when it was verified. Writes only fields the records
/// hold. The lock records what was fetched, so the new entries count as verified. Nothing is
/// written when any identifier fails.
/// </summary>
public static class AddReferences
{
    /// <summary>An identifier as given on the command line, read as a DOI or a PMID.</summary>
    public sealed record Identifier(string Given, string? Doi, string? Pmid);

    public static RefsResult Run(RefsOptions options, IReadOnlyList<string> identifiers, string? toFile, Log log)
    {
        if (SettingsOnly.Load(options.Input) is not { } context)
            return new RefsResult(BuildResult.UsageError, [new Diagnostic(Severity.Error, "", 0, 0, $"input folder '{options.Input}' does not exist; run from the site's folder or pass --input.")]);
        var diagnostics = context.Diagnostics;
        if (diagnostics.HasErrors) return new RefsResult(BuildResult.ContentErrors, diagnostics.All);

        var target = TargetFile(context, toFile, diagnostics);
        var wanted = identifiers.Select(i => Read(i, diagnostics)).OfType<Identifier>().DistinctBy(i => i.Doi ?? i.Pmid).ToList();
        if (target is null || diagnostics.HasErrors) return new RefsResult(BuildResult.UsageError, diagnostics.All);

        var path = context.Paths.InputFile(target);
        var lockPath = Path.Combine(context.Paths.Input, CitationLibrary.LockFile);
        var locked = CitationsLock.Read(lockPath, CitationLibrary.LockFile, diagnostics).ToDictionary();
        var taken = new HashSet<string>(context.Citations.Ids, StringComparer.OrdinalIgnoreCase);
        var works = new List<(string Key, RegistryWork Work, string Sources)>();
        var fetched = 0;
        using var client = new PoliteClient(context.Config.Mailto, TimeSpan.FromSeconds(options.TimeoutSeconds), options.MaxRetryWait);
        var registries = new Registries(client, options.Services ?? RegistryServices.FromEnvironment());
        try
        {
            foreach (var identifier in wanted)
            {
                log.Info($"sitegen: fetching {identifier.Given}");
                var (work, sources) = Fetch(identifier, registries, diagnostics);
                fetched++;
                if (work is null || AlreadyCited(work, context.Citations.All, works.Select(w => w.Work), identifier, diagnostics)) continue;
                var key = CitationKey.For(work.Entry, taken);
                taken.Add(key);
                works.Add((key, work, sources));
            }
        }
        catch (ServiceUnavailableException ex)
        {
            diagnostics.Error(ex.Message + $"; nothing was added to {target}. Try again later (or check the SITEGEN_*_API settings).");
            return new RefsResult(BuildResult.ContentErrors, diagnostics.All, wanted.Count, fetched);
        }
        if (diagnostics.HasErrors || works.Count == 0) return new RefsResult(diagnostics.HasErrors ? BuildResult.ContentErrors : BuildResult.Success, diagnostics.All, wanted.Count, fetched);

        var today = options.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var bytes = File.ReadAllBytes(path);
        var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
        var text = Encoding.UTF8.GetString(bom ? bytes[3..] : bytes);
        var layout = NewEntryText.FileLayout.Of(text);
        string Note(RegistryWork work, string sources) =>
            $"verification: added by 'sitegen refs add' on {today} from {sources}; every field is as the registry holds it. " +
            "Read the paper before citing it, and add its design, n and finding here.";
        var isBibTex = target.EndsWith(".bib", StringComparison.OrdinalIgnoreCase);
        var updated = isBibTex
            ? NewEntryText.AppendToBibTex(text, [.. works.Select(w => NewEntryText.BibTex(w.Work, w.Key, Note(w.Work, w.Sources), layout.NewLine))], layout.NewLine)
            : NewEntryText.AppendToCslJson(text, [.. works.Select(w => NewEntryText.CslJson(w.Work, w.Key, Note(w.Work, w.Sources), layout))], layout.NewLine);
        if (updated is null)
        {
            diagnostics.Error(target, 1, 1, "the file does not end with the ']' that closes its list of entries, so nothing was added; fix the file and run again.");
            return new RefsResult(BuildResult.ContentErrors, diagnostics.All, wanted.Count, fetched);
        }
        AtomicFile.Write(path, [.. bom ? Encoding.UTF8.Preamble : [], .. Encoding.UTF8.GetBytes(updated)]);

        // Read back what was written: the lock's digest is of the entry as the build reads it.
        if (SettingsOnly.Load(options.Input) is { } reread)
        {
            foreach (var (key, work, _) in works)
            {
                var entry = reread.Citations.Find(key);
                if (entry is null) continue;
                var records = new List<ReferenceRecord> { work.Record };
                if (work.Companion is { } companion) records.Add(companion);
                locked[key] = new LockedEntry(today, CitationsLock.Digest(entry), records);
                log.Info($"sitegen: added '{key}' to {target} at line {entry.SourceLine}: {work.Record.Describe()}");
                ReferenceNotices.Report(entry with { Notices = locked[key].Notices }, diagnostics);
            }
            CitationsLock.Write(lockPath, locked);
        }
        return new RefsResult(diagnostics.HasErrors ? BuildResult.ContentErrors : BuildResult.Success, diagnostics.All, wanted.Count, fetched);
    }

    /// <summary>The citations file new entries go to: --to, or the only (or first) CSL-JSON or BibTeX file the site reads.</summary>
    private static string? TargetFile(BuildContext context, string? toFile, Diagnostics diagnostics)
    {
        var files = context.Config.CitationPaths.Where(p => File.Exists(context.Paths.InputFile(p))).ToList();
        if (toFile is not null)
        {
            var named = toFile.Replace('\\', '/');
            if (named.StartsWith("input/", StringComparison.Ordinal) && !files.Contains(named)) named = named["input/".Length..];
            if (!files.Contains(named))
            {
                diagnostics.Error($"--to '{toFile}' is not a citations file of this site; it reads {(files.Count == 0 ? "none yet" : string.Join(", ", files))}.");
                return null;
            }
            files = [named];
        }
        var writable = files.FirstOrDefault(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".bib", StringComparison.OrdinalIgnoreCase));
        if (writable is null)
            diagnostics.Error(files.Count == 0
                ? $"the site has no citations file yet; create input/{CitationLibrary.JsonFile} containing [] (or input/{CitationLibrary.BibTexFile}, empty) and run again."
                : $"refs add writes CSL-JSON (.json) and BibTeX (.bib) files; {string.Join(", ", files)} is neither. Add a .json or .bib file to 'citations:' in site.yml and pass it with --to.");
        return writable;
    }

    /// <summary>"10.1016/x", "doi:10.1016/x", "https://doi.org/10.1016/x", "36804489", "PMID:36804489" or a PubMed link.</summary>
    public static Identifier? Read(string given, Diagnostics diagnostics)
    {
        var text = given.Trim();
        foreach (var prefix in new[] { "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:" })
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) text = Uri.UnescapeDataString(text[prefix.Length..]).Trim();
        if (text.StartsWith("10.", StringComparison.Ordinal))
        {
            if (Identifiers.DoiProblem(text) is { } problem)
            {
                diagnostics.Error($"cannot add '{given}': {problem}");
                return null;
            }
            return new Identifier(given, text.ToLowerInvariant(), null);
        }
        foreach (var prefix in new[] { "https://pubmed.ncbi.nlm.nih.gov/", "http://pubmed.ncbi.nlm.nih.gov/", "pmid:" })
            if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) text = text[prefix.Length..].Trim().TrimEnd('/');
        if (Identifiers.PmidProblem(text) is null) return new Identifier(given, null, text);
        diagnostics.Error($"cannot add '{given}': it is neither a DOI (10.1038/s41386-023-01540-6, or its doi.org link) nor a PMID (36804489, or its PubMed link).");
        return null;
    }

    /// <summary>The work's record, from the registry its identifier belongs to, completed from the other when both name the paper.</summary>
    private static (RegistryWork? Work, string Sources) Fetch(Identifier identifier, Registries registries, Diagnostics diagnostics)
    {
        if (identifier.Doi is { } doi)
        {
            var crossref = registries.CrossrefWork(doi);
            if (crossref is null)
            {
                diagnostics.Error(registries.DoiExists(doi)
                    ? $"cannot add DOI {doi}: it exists, but Crossref holds no record of it (it may be registered with DataCite or another agency); write its entry by hand from the work itself."
                    : $"cannot add DOI {doi}: it does not exist (the DOI system does not know it); copy the DOI again from the article's page.");
                return (null, "");
            }
            if (registries.PmidForDoi(doi) is { } pmid && registries.PubMedWork(pmid) is { } pubmed && SamePaper(pubmed, doi))
                return (crossref.WithPubMed(pubmed), $"Crossref (DOI {doi}) and PubMed (PMID {pmid})");
            return (crossref, $"Crossref (DOI {doi})");
        }
        var pmidOnly = identifier.Pmid!;
        var record = registries.PubMedWork(pmidOnly);
        if (record is null)
        {
            diagnostics.Error($"cannot add PMID {pmidOnly}: PubMed has no article with this number; copy it again from the article's PubMed page.");
            return (null, "");
        }
        if (record.Entry.Doi is { } pubmedDoi && registries.CrossrefWork(pubmedDoi) is { } fuller)
            return (fuller.WithPubMed(record), $"PubMed (PMID {pmidOnly}) and Crossref (DOI {pubmedDoi})");
        return (record, $"PubMed (PMID {pmidOnly})");
    }

    private static bool SamePaper(RegistryWork pubmed, string doi) => string.Equals(pubmed.Entry.Doi, doi, StringComparison.OrdinalIgnoreCase);

    /// <summary>A work already in the file (or added twice in one run) is not added again: one paper, one entry.</summary>
    private static bool AlreadyCited(RegistryWork work, IEnumerable<Reference> entries, IEnumerable<RegistryWork> adding, Identifier identifier, Diagnostics diagnostics)
    {
        bool Same(string? doi, string? pmid) =>
            (doi is not null && string.Equals(doi, work.Entry.Doi, StringComparison.OrdinalIgnoreCase)) || (pmid is not null && pmid == work.Entry.Pmid);
        if (entries.FirstOrDefault(e => Same(e.Doi, e.Pmid)) is { } existing)
        {
            diagnostics.Warning(existing.SourceFile, existing.SourceLine, 1,
                $"'{identifier.Given}' is already in the citations as '{existing.Id}'; cite it as [@{existing.Id}] (nothing was added for it).");
            return true;
        }
        return adding.Any(w => Same(w.Entry.Doi, w.Entry.Pmid));
    }
}
