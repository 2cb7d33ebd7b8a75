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
        context.Citations = Load(context.Paths, context.Diagnostics);
        return documents;
    }

    private const string JsonFile = CitationLibrary.JsonFile;
    private const string BibTexFile = CitationLibrary.BibTexFile;

    public static CitationLibrary Load(SitePaths paths, Diagnostics diagnostics)
    {
        var references = new List<Reference>();
        var json = paths.InputSource(JsonFile);
        if (SourceFiles.Exists(json) && SourceFiles.ReadBytes(json, JsonFile, diagnostics) is { } bytes &&
            TextDecoding.Decode(bytes, JsonFile, diagnostics) is not null)
            references.AddRange(CslJsonReader.Read(StripBom(bytes), JsonFile, diagnostics));
        var bib = paths.InputSource(BibTexFile);
        if (SourceFiles.Exists(bib) && TextDecoding.Read(bib, BibTexFile, diagnostics) is { } text)
            references.AddRange(BibTexReader.Read(text, BibTexFile, diagnostics));

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
        if (reference.Doi is null && reference.Pmid is null && reference.Url is null)
            diagnostics.Report(CheckRule.CitationWithoutLink, reference.SourceFile, reference.SourceLine, 1,
                $"citation '{reference.Id}' has no DOI, PMID or URL, so readers cannot find the source; add one.");
        if (string.IsNullOrWhiteSpace(reference.Title))
            diagnostics.Warning(reference.SourceFile, reference.SourceLine, 1, $"citation '{reference.Id}' has no title.");
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
