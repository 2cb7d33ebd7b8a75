using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// Every reference the site may cite, read from input/citations.json (CSL-JSON) and/or
/// input/citations.bib (BibTeX) into one model. Duplicate ids are errors; entries that give a
/// reader no way to find the source, or declare an unknown study design, get warnings.
/// </summary>
public sealed class CitationLibrary
{
    public const string JsonFile = "citations.json";
    public const string BibTexFile = "citations.bib";

    public static readonly CitationLibrary Empty = new([]);

    private readonly Dictionary<string, Reference> _byId;

    public CitationLibrary(IEnumerable<Reference> references) =>
        _byId = references.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Ids => _byId.Keys;

    public IEnumerable<Reference> All => _byId.Values.OrderBy(r => r.SortKey, StringComparer.Ordinal);

    public Reference? Find(string id) => _byId.GetValueOrDefault(id);

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
        diagnostics.Report(Checks.CheckRule.UnsafeHtml, reference.SourceFile, reference.SourceLine, 1,
            $"removed the URL of citation '{reference.Id}': only http:// and https:// addresses become links.");
        return reference with { Url = null };
    }

    private static void Warn(Reference reference, Diagnostics diagnostics)
    {
        if (reference.Doi is null && reference.Pmid is null && reference.Url is null)
            diagnostics.Report(Checks.CheckRule.CitationWithoutLink, reference.SourceFile, reference.SourceLine, 1,
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
