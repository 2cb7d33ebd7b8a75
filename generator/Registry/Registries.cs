using System.Globalization;
using System.Text.Json;
using SiteGen.Citations;
using SiteGen.Engine;
using static SiteGen.Engine.JsonFields;

namespace SiteGen.Registry;

/// <summary>
/// The three registries, in their real formats: Crossref's works API for a DOI's record and the
/// notices about it ('updated-by': retractions, corrections...), NCBI E-utilities esummary for a
/// PMID's record ('pubtype' says "Retracted Publication"), and the DOI handle API for whether a
/// DOI exists at all (Crossref knows only the DOIs it registered).
/// </summary>
public sealed class Registries(PoliteClient client, RegistryServices services)
{
    public const string CrossrefName = "Crossref";
    public const string PubMedName = "PubMed (NCBI E-utilities)";
    public const string DoiName = "the DOI handle API";

    private static readonly TimeSpan CrossrefGap = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan PubMedGap = TimeSpan.FromMilliseconds(340); // at most 3 a second without an API key
    private static readonly TimeSpan DoiGap = TimeSpan.FromMilliseconds(100);

    /// <summary>The DOI's Crossref record; null when Crossref has none.</summary>
    public ReferenceRecord? Crossref(string doi) => CrossrefWork(doi)?.Record;

    /// <summary>The DOI's Crossref record with every bibliographic field (for `refs add`); null when Crossref has none.</summary>
    public RegistryWork? CrossrefWork(string doi)
    {
        using var json = client.GetJson(CrossrefName, $"{services.Crossref}/works/{RegistryServices.DoiPath(doi)}", CrossrefGap);
        if (json is null) return null;
        if (!json.RootElement.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            throw new ServiceUnavailableException(CrossrefName, $"its answer for {doi} has no 'message' record");
        return RegistryWork.FromCrossref(message, ReadCrossref(message));
    }

    /// <summary>The PMID's PubMed summary; null when PubMed has no such article.</summary>
    public ReferenceRecord? PubMed(string pmid) => PubMedWork(pmid)?.Record;

    /// <summary>The PMID's PubMed summary with every bibliographic field (for `refs add`); null when PubMed has no such article.</summary>
    public RegistryWork? PubMedWork(string pmid)
    {
        using var json = client.GetJson(PubMedName, $"{services.PubMed}/esummary.fcgi?db=pubmed&id={Uri.EscapeDataString(pmid)}&retmode=json", PubMedGap);
        if (json is null) return null;
        if (!json.RootElement.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
            throw new ServiceUnavailableException(PubMedName, $"its answer for PMID {pmid} has no 'result'");
        if (!result.TryGetProperty(pmid, out var summary) || summary.ValueKind != JsonValueKind.Object || summary.TryGetProperty("error", out _))
            return null;
        return RegistryWork.FromPubMed(summary, ReadPubMed(summary, pmid));
    }

    /// <summary>Which of the PMIDs PubMed has an article for: one esummary request per 200, as NCBI asks of batch lookups.</summary>
    public IReadOnlySet<string> PubMedKnown(IReadOnlyCollection<string> pmids)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var batch in pmids.Distinct(StringComparer.Ordinal).Chunk(200))
        {
            using var json = client.GetJson(PubMedName, $"{services.PubMed}/esummary.fcgi?db=pubmed&id={string.Join(',', batch.Select(Uri.EscapeDataString))}&retmode=json", PubMedGap);
            if (json is null) continue;
            if (!json.RootElement.TryGetProperty("result", out var result) || result.ValueKind != JsonValueKind.Object)
                throw new ServiceUnavailableException(PubMedName, "its answer has no 'result'");
            foreach (var pmid in batch)
                if (result.TryGetProperty(pmid, out var summary) && summary.ValueKind == JsonValueKind.Object && !summary.TryGetProperty("error", out _))
                    known.Add(pmid);
        }
        return known;
    }

    /// <summary>The PMID PubMed files under a DOI (esearch, field [doi]); null when it finds none, or more than one.</summary>
    public string? PmidForDoi(string doi)
    {
        using var json = client.GetJson(PubMedName, $"{services.PubMed}/esearch.fcgi?db=pubmed&term={Uri.EscapeDataString(doi + "[doi]")}&retmode=json", PubMedGap);
        if (json is null || !json.RootElement.TryGetProperty("esearchresult", out var found) || found.ValueKind != JsonValueKind.Object) return null;
        var ids = Items(found, "idlist", JsonValueKind.String).Select(i => i.GetString()!).ToList();
        return ids.Count == 1 && Identifiers.PmidProblem(ids[0]) is null ? ids[0] : null;
    }

    /// <summary>True when the DOI system knows the DOI (handle API response code 1), false when it does not (100).</summary>
    public bool DoiExists(string doi)
    {
        using var json = client.GetJson(DoiName, $"{services.Doi}/api/handles/{RegistryServices.DoiPath(doi)}", DoiGap);
        if (json is null) return false; // the handle API answers 404 with responseCode 100
        return json.RootElement.TryGetProperty("responseCode", out var code) && code.TryGetInt32(out var value)
            ? value == 1
            : throw new ServiceUnavailableException(DoiName, $"its answer for {doi} has no responseCode");
    }

    public static ReferenceRecord ReadCrossref(JsonElement message)
    {
        // The author Crossref marks "first", else the first listed.
        var authors = Items(message, "author", JsonValueKind.Object).ToList();
        var first = authors.FirstOrDefault(a => Text(a, "sequence") == "first") is { ValueKind: JsonValueKind.Object } marked ? marked : authors.FirstOrDefault();
        var years = new[] { "issued", "published-print", "published-online", "published" }.Select(k => YearOf(message, k)).OfType<int>().Distinct().ToList();
        var notices = new List<ReferenceNotice>();
        foreach (var update in Items(message, "updated-by", JsonValueKind.Object))
            if (NoticeKind(Text(update, "type")) is { } kind)
                notices.Add(new ReferenceNotice(kind, Text(update, "DOI")?.ToLowerInvariant(), DateOf(update, "updated")));
        return new ReferenceRecord
        {
            Source = "crossref",
            Title = FirstText(message, "title") is { } title ? title + (FirstText(message, "subtitle") is { } sub ? ": " + sub : "") : null,
            FirstAuthor = first.ValueKind == JsonValueKind.Object ? Text(first, "family") ?? Text(first, "name") : null,
            Year = years.Count > 0 ? years[0] : null,
            OtherYears = years.Skip(1).Order().ToList(),
            ContainerTitles = Texts(message, "container-title").Concat(Texts(message, "short-container-title")).Distinct().ToList(),
            Volume = Text(message, "volume"),
            Page = Text(message, "page"),
            Doi = Text(message, "DOI")?.ToLowerInvariant(),
            Notices = notices.Distinct().OrderBy(n => n.Date, StringComparer.Ordinal).ThenBy(n => n.Kind, StringComparer.Ordinal).ToList(),
        };
    }

    public static ReferenceRecord ReadPubMed(JsonElement summary, string pmid)
    {
        var firstAuthor = Items(summary, "authors", JsonValueKind.Object).Select(a => Text(a, "name")).FirstOrDefault(n => !string.IsNullOrWhiteSpace(n));
        var notices = new List<ReferenceNotice>();
        var types = Texts(summary, "pubtype").ToList();
        if (types.Contains("Retracted Publication", StringComparer.OrdinalIgnoreCase)) notices.Add(new ReferenceNotice(ReferenceNotice.Retraction, null, null));
        if (types.Contains("Expression of Concern", StringComparer.OrdinalIgnoreCase)) notices.Add(new ReferenceNotice(ReferenceNotice.ExpressionOfConcern, null, null));
        var doi = Items(summary, "articleids", JsonValueKind.Object).Where(i => Text(i, "idtype") == "doi").Select(i => Text(i, "value")).FirstOrDefault()?.ToLowerInvariant();
        var year = Text(summary, "pubdate") is { Length: >= 4 } date && int.TryParse(date[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : (int?)null;
        var online = Text(summary, "epubdate") is { Length: >= 4 } epub && int.TryParse(epub[..4], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? e : (int?)null;
        return new ReferenceRecord
        {
            Source = "pubmed",
            Title = Text(summary, "title")?.TrimEnd('.'),
            // PubMed writes "Fineberg SK": the family name is all but the initials.
            FirstAuthor = firstAuthor is null ? null : firstAuthor.Contains(' ') ? firstAuthor[..firstAuthor.LastIndexOf(' ')] : firstAuthor,
            Year = year,
            OtherYears = online is { } o && o != year ? [o] : [],
            ContainerTitles = new[] { Text(summary, "fulljournalname"), Text(summary, "source") }.OfType<string>().Where(t => t.Length > 0).Distinct().ToList(),
            Volume = Text(summary, "volume") is { Length: > 0 } volume ? volume : null,
            Page = Text(summary, "pages") is { Length: > 0 } pages ? pages : null,
            Doi = doi,
            Pmid = pmid,
            Notices = notices,
        };
    }

    private static string? NoticeKind(string? type) => type?.ToLowerInvariant().Replace('_', '-') switch
    {
        "retraction" => ReferenceNotice.Retraction,
        "withdrawal" or "removal" => ReferenceNotice.Withdrawal,
        "expression-of-concern" => ReferenceNotice.ExpressionOfConcern,
        "correction" or "erratum" or "corrigendum" => ReferenceNotice.Correction,
        _ => null,
    };

    /// <summary>Crossref's date, {"date-parts": [[2024, 5, 2]]}, as its numbers (year, month, day; fewer when it knows less).</summary>
    internal static List<int> DateParts(JsonElement element, string name) =>
        element.TryGetProperty(name, out var date) && date.ValueKind == JsonValueKind.Object
            ? Items(date, "date-parts", JsonValueKind.Array).Take(1)
                .SelectMany(parts => parts.EnumerateArray().Select(p => p.TryGetInt32(out var n) ? n : 0)).Take(3).ToList()
            : [];

    private static int? YearOf(JsonElement element, string name) => DateParts(element, name) is [> 0 and var year, ..] ? year : null;

    /// <summary>yyyy-mm-dd, or shorter when the registry knows only the year or month.</summary>
    private static string? DateOf(JsonElement element, string name) => DateParts(element, name) is [> 0, ..] parts
        ? string.Join('-', parts.Select((n, i) => n.ToString(i == 0 ? "D4" : "D2", CultureInfo.InvariantCulture)))
        : null;

    /// <summary>A field Crossref writes as a list of texts (title, container-title), or as one text.</summary>
    private static IEnumerable<string> Texts(JsonElement element, string name) =>
        (Text(element, name) is { } one ? [one] : Items(element, name, JsonValueKind.String).Select(v => v.GetString()!)).Where(v => v.Length > 0);

    private static string? FirstText(JsonElement element, string name) => Texts(element, name).FirstOrDefault();
}
