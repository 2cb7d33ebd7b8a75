namespace SiteGen.Engine;

/// <summary>
/// Every reference the site may cite, by id: what input/citations.json (CSL-JSON) and/or
/// input/citations.bib (BibTeX) hold once read (Citations/LoadCitations).
/// </summary>
public sealed class CitationLibrary
{
    public const string JsonFile = "citations.json";
    public const string BibTexFile = "citations.bib";

    /// <summary>What `sitegen refs verify` fetched for each entry, beside the citations; builds read it, never the network.</summary>
    public const string LockFile = "citations.lock.json";

    public static readonly CitationLibrary Empty = new([]);

    private readonly Dictionary<string, Reference> _byId;

    public CitationLibrary(IEnumerable<Reference> references) =>
        _byId = references.ToDictionary(r => r.Id, StringComparer.Ordinal);

    public IReadOnlyCollection<string> Ids => _byId.Keys;

    public IEnumerable<Reference> All => _byId.Values.OrderBy(r => r.SortKey, StringComparer.Ordinal);

    public Reference? Find(string id) => _byId.GetValueOrDefault(id);
}
