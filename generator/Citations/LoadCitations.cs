using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// Reads input/citations.json (CSL-JSON) and/or input/citations.bib (BibTeX) into one
/// <see cref="CitationLibrary"/>. Duplicate ids are errors; entries that give a reader no way to
/// find the source, or declare an unknown study design, get warnings.
/// </summary>
public sealed class LoadCitations : IModule
{
    /// <summary>Settings: the citations every page may cite, for the rest of the build.</summary>
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        // In `serve`, read again only when a citations file or the settings naming them change.
        context.Citations = BuildCache.Remember(context, nameof(LoadCitations),
            () => BuildCache.Digest([DocumentDigest.OfValue(context.Config.CitationFiles),
                .. context.Config.CitationPaths.Select(p => BuildCache.FileStamp(context.Paths.InputFile(p)))]),
            () => Load(context.Paths, context.Diagnostics, context.Config.CitationFiles));
        return documents;
    }

    private const string JsonFile = CitationLibrary.JsonFile;
    private const string BibTexFile = CitationLibrary.BibTexFile;

    /// <param name="named">The files site.yml names under 'citations'; none means the default names, read when they exist.</param>
    public static CitationLibrary Load(SitePaths paths, Diagnostics diagnostics, IReadOnlyList<NamedFile>? named = null)
    {
        var references = new List<Reference>();
        if (named is { Count: > 0 })
        {
            foreach (var file in named)
            {
                var source = paths.InputSource(file.Path);
                if (UrlPaths.Resolve("", file.Path) is null || !SourceFiles.Exists(source))
                    diagnostics.Error(SiteConfig.FileName, file.Line, file.Column,
                        $"citations file '{file.Path}' not found in the input folder; give its path inside input/, such as 'references.bib'.");
                else if (Format(file.Path) is null)
                    diagnostics.Error(SiteConfig.FileName, file.Line, file.Column,
                        $"citations file '{file.Path}' is not BibTeX (.bib), CSL-JSON (.json) or CSL-YAML (.yaml); export it as one of those.");
                else references.AddRange(Read(source, file.Path, diagnostics));
            }
        }
        else
        {
            foreach (var path in new[] { JsonFile, BibTexFile })
                if (SourceFiles.Exists(paths.InputSource(path))) references.AddRange(Read(paths.InputSource(path), path, diagnostics));
            // A BibTeX file under another name is almost always meant to be read: say how, rather than publish it silently.
            if (Directory.Exists(paths.Input))
                foreach (var other in Directory.EnumerateFiles(paths.Input, "*.bib").Select(Path.GetFileName).OfType<string>()
                             .Where(name => name != BibTexFile && SourceFiles.IsPublishedName(name)).Order(StringComparer.Ordinal))
                    diagnostics.Warning(other, 1, 1,
                        $"this BibTeX file is not read as the site's citations; name it in site.yml ('citations: {other}') or rename it {BibTexFile}.");
        }

        var unique = new List<Reference>();
        foreach (var group in references.GroupBy(r => r.Id, StringComparer.Ordinal))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
                diagnostics.Error(duplicate.SourceFile, duplicate.SourceLine, 1,
                    $"duplicate citation id '{duplicate.Id}' (first defined at {first.SourceFile}:{first.SourceLine}); give each entry its own id.");
            unique.Add(SafeUrl(first, diagnostics));
            Warn(first, diagnostics);
        }
        return new CitationLibrary(unique);
    }

    private static string? Format(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".bib" => "bibtex",
        ".json" => "csl",
        ".yaml" or ".yml" => "csl-yaml",
        _ => null,
    };

    private static IEnumerable<Reference> Read(SourceFile source, string display, Diagnostics diagnostics)
    {
        if (Format(display) == "csl")
            return SourceFiles.ReadBytes(source, display, diagnostics) is { } bytes && TextDecoding.Decode(bytes, display, diagnostics) is not null
                ? CslJsonReader.Read(StripBom(bytes), display, diagnostics) : [];
        if (TextDecoding.Read(source, display, diagnostics) is not { } text) return [];
        return Format(display) == "csl-yaml" ? CslYamlReader.Read(text, display, diagnostics) : BibTexReader.Read(text, display, diagnostics);
    }

    /// <summary>A citation's URL becomes a link on every page that cites it: only http(s) may.</summary>
    private static Reference SafeUrl(Reference reference, Diagnostics diagnostics)
    {
        if (reference.Url is not { } url || UrlPaths.Scheme(url) is "http" or "https") return reference;
        diagnostics.Report(CheckRule.UnsafeHtml, reference.SourceFile, reference.SourceLine, 1,
            $"removed the URL of citation '{reference.Id}': only http:// and https:// addresses become links.");
        return reference with { Url = null };
    }

    private static void Warn(Reference reference, Diagnostics diagnostics)
    {
        if (reference.Doi is { } doi && Identifiers.DoiProblem(doi) is { } doiProblem)
            diagnostics.Error(reference.SourceFile, reference.SourceLine, 1, $"citation '{reference.Id}': {doiProblem}");
        if (reference.Pmid is { } pmid && Identifiers.PmidProblem(pmid) is { } pmidProblem)
            diagnostics.Error(reference.SourceFile, reference.SourceLine, 1, $"citation '{reference.Id}': {pmidProblem}");
        // A registration number (NCT...) is not a link, but readers can look it up.
        if (reference.Doi is null && reference.Pmid is null && reference.Url is null && reference.Number is null)
            diagnostics.Report(CheckRule.CitationWithoutLink, reference.SourceFile, reference.SourceLine, 1,
                $"citation '{reference.Id}' has no DOI, PMID or URL, so readers cannot find the source; add one.");
        if (string.IsNullOrWhiteSpace(reference.Title))
            diagnostics.Warning(reference.SourceFile, reference.SourceLine, 1, $"citation '{reference.Id}' has no title.");
        if (reference.Evidence.Certainty is { } certainty && !EvidenceNote.CertaintyWords.Contains(certainty))
            diagnostics.Warning(reference.SourceFile, reference.SourceLine, 1,
                $"citation '{reference.Id}' has certainty '{certainty}'; use a GRADE word: {string.Join(", ", EvidenceNote.CertaintyWords)}.");
        if (reference.Evidence.EffectText is { } effect && reference.Evidence.Effect is null)
            diagnostics.Error(reference.SourceFile, reference.SourceLine, 1,
                $"citation '{reference.Id}' has effect '{effect}', which is not {EffectEstimate.Form} (the low and high ends around the estimate).");
        if (reference.Evidence.DesignText is { } design && reference.Evidence.Design is null)
        {
            var suggestion = Suggest.Closest(design, StudyDesign.All.Select(d => d.Name));
            diagnostics.Warning(reference.SourceFile, reference.SourceLine, 1,
                $"citation '{reference.Id}' has unknown design '{design}'" + (suggestion is null
                    ? $"; use one of: {string.Join(", ", StudyDesign.All.Select(d => d.Name))}."
                    : $" (did you mean '{suggestion}'?)"));
        }
    }

    private static byte[] StripBom(byte[] bytes) => bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes[3..] : bytes;
}
