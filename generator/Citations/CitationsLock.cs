using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Engine;
using static SiteGen.Engine.JsonFields;

namespace SiteGen.Citations;

/// <summary>One entry of the lock: when it was checked, the entry as it was then (a digest), and what the registries held.</summary>
public sealed record LockedEntry(string Checked, string EntryDigest, IReadOnlyList<ReferenceRecord> Records)
{
    /// <summary>Every notice the registries gave, each kind and notice once.</summary>
    public IReadOnlyList<ReferenceNotice> Notices => Records.SelectMany(r => r.Notices).Distinct().ToList();
}

/// <summary>
/// input/citations.lock.json: what `sitegen refs verify` fetched for each entry with a DOI or PMID,
/// sorted by id and written the same way every time, so it diffs well and builds stay
/// byte-identical and offline. Only the date of each check comes from the clock, and it is never
/// published.
/// </summary>
public static class CitationsLock
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonDocumentOptions ReaderOptions = new() { MaxDepth = 16 };

    /// <summary>The entry's compared fields, as a short digest: a change to any of them means the entry must be checked again.</summary>
    public static string Digest(Reference reference)
    {
        var first = reference.NamedAuthors.FirstOrDefault();
        var text = string.Join("\u001f", reference.Doi?.ToLowerInvariant(), reference.Pmid, reference.Title, first?.Family ?? first?.Literal,
            reference.Year?.ToString(CultureInfo.InvariantCulture), reference.ContainerTitle, reference.Volume, reference.Page);
        return Convert.ToHexStringLower(XxHash64.Hash(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The lock's entries by citation id; empty when there is no lock. A lock that cannot be read is an error naming it.</summary>
    public static IReadOnlyDictionary<string, LockedEntry> Read(string path, string display, Diagnostics diagnostics)
    {
        var entries = new Dictionary<string, LockedEntry>(StringComparer.Ordinal);
        if (!File.Exists(path)) return entries;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(path), ReaderOptions);
            if (!json.RootElement.TryGetProperty("entries", out var all) || all.ValueKind != JsonValueKind.Object)
                throw new JsonException("it has no \"entries\" object");
            foreach (var entry in all.EnumerateObject())
            {
                var records = Items(entry.Value, "records", JsonValueKind.Object).Select(ReadRecord).ToList();
                entries[entry.Name] = new LockedEntry(Text(entry.Value, "checked") ?? "", Text(entry.Value, "entry") ?? "", records);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(display, 1, 1, $"cannot read the citations lock ({ex.Message}); run 'sitegen refs verify' to write it again.");
            entries.Clear();
        }
        return entries;
    }

    /// <summary>The whole lock, sorted by id, written only when every service answered (the caller decides).</summary>
    public static void Write(string path, IReadOnlyDictionary<string, LockedEntry> entries)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("about", "Written by 'sitegen refs verify': what Crossref and PubMed held for each cited DOI and PMID. Commit it: builds read it and never the network.");
            writer.WriteStartObject("entries");
            foreach (var (id, entry) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                writer.WriteStartObject(id);
                writer.WriteString("checked", entry.Checked);
                writer.WriteString("entry", entry.EntryDigest);
                writer.WriteStartArray("records");
                foreach (var record in entry.Records.OrderBy(r => r.Source, StringComparer.Ordinal)) WriteRecord(writer, record);
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        AtomicFile.Write(path, buffer.ToArray());
    }

    private static void WriteRecord(Utf8JsonWriter writer, ReferenceRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("source", record.Source);
        Optional(writer, "title", record.Title);
        Optional(writer, "first_author", record.FirstAuthor);
        if (record.Year is { } year) writer.WriteNumber("year", year);
        if (record.OtherYears.Count > 0)
        {
            writer.WriteStartArray("other_years");
            foreach (var other in record.OtherYears) writer.WriteNumberValue(other);
            writer.WriteEndArray();
        }
        if (record.ContainerTitles.Count > 0)
        {
            writer.WriteStartArray("container_titles");
            foreach (var container in record.ContainerTitles) writer.WriteStringValue(container);
            writer.WriteEndArray();
        }
        Optional(writer, "volume", record.Volume);
        Optional(writer, "page", record.Page);
        Optional(writer, "doi", record.Doi);
        Optional(writer, "pmid", record.Pmid);
        writer.WriteStartArray("notices");
        foreach (var notice in record.Notices)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", notice.Kind);
            Optional(writer, "doi", notice.Doi);
            Optional(writer, "date", notice.Date);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static ReferenceRecord ReadRecord(JsonElement element) => new()
    {
        Source = Text(element, "source") ?? "",
        Title = Text(element, "title"),
        FirstAuthor = Text(element, "first_author"),
        Year = element.TryGetProperty("year", out var year) && year.TryGetInt32(out var y) ? y : null,
        OtherYears = Items(element, "other_years", JsonValueKind.Number).Select(o => o.GetInt32()).ToList(),
        ContainerTitles = Items(element, "container_titles", JsonValueKind.String).Select(c => c.GetString()!).ToList(),
        Volume = Text(element, "volume"),
        Page = Text(element, "page"),
        Doi = Text(element, "doi"),
        Pmid = Text(element, "pmid"),
        Notices = Items(element, "notices", JsonValueKind.Object)
            .Select(n => new ReferenceNotice(Text(n, "kind") ?? "", Text(n, "doi"), Text(n, "date")))
            .Where(n => ReferenceNotice.Kinds.Contains(n.Kind)).ToList(),
    };

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) writer.WriteString(name, value);
    }

}
