using System.Globalization;
using System.Text.Json;
using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// Reads CSL-JSON, the format Zotero, Mendeley and Pandoc export: an array of entries. Syntax
/// errors are reported at their line and column; each entry remembers the line it starts on.
/// </summary>
public static class CslJsonReader
{
    private static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static List<Reference> Read(byte[] json, string file, Diagnostics diagnostics)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, Options);
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].Trim();
            diagnostics.Error(file, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1,
                $"the citations file is not valid JSON: {reason}");
            return [];
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                diagnostics.Error(file, 1, 1, "the citations file must be a JSON array of CSL entries, as Zotero's \"Export > CSL JSON\" writes.");
                return [];
            }
            return ReadEntries(document.RootElement, EntryLines(json), file, diagnostics);
        }
    }

    /// <summary>The entries of a CSL array, each with the line it starts on in the file (CSL-JSON or CSL-YAML).</summary>
    public static List<Reference> ReadEntries(JsonElement array, IReadOnlyList<int> lines, string file, Diagnostics diagnostics)
    {
        var references = new List<Reference>();
        var index = 0;
        foreach (var entry in array.EnumerateArray())
        {
            var line = index < lines.Count ? lines[index] : 1;
            index++;
            if (Read(entry, file, line, diagnostics) is { } reference) references.Add(reference);
        }
        return references;
    }

    private static Reference? Read(JsonElement entry, string file, int line, Diagnostics diagnostics)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            diagnostics.Error(file, line, 1, "each citation entry must be a JSON object.");
            return null;
        }
        var id = Text(entry, "id");
        if (string.IsNullOrWhiteSpace(id))
        {
            diagnostics.Error(file, line, 1, "citation entry has no \"id\"; add the key that pages cite it by, e.g. \"id\": \"fineberg2023\".");
            return null;
        }
        var note = Text(entry, "note");
        var evidence = EvidenceNote.Parse(note);
        var (year, month, day) = Issued(entry);
        return new Reference
        {
            Id = id,
            Type = Text(entry, "type") ?? "article-journal",
            Title = Text(entry, "title") ?? "",
            Authors = Names(entry, "author"),
            ContainerTitle = Text(entry, "container-title"),
            Volume = Text(entry, "volume"),
            Issue = Text(entry, "issue"),
            Page = Text(entry, "page"),
            Year = year, Month = month, Day = day,
            Doi = Text(entry, "DOI") ?? Text(entry, "doi"),
            Pmid = Text(entry, "PMID") ?? Text(entry, "pmid") ?? evidence.Pmid,
            Pmcid = Text(entry, "PMCID") ?? Text(entry, "pmcid"),
            Number = Text(entry, "number"),
            Url = Text(entry, "URL") ?? Text(entry, "url"),
            Publisher = Text(entry, "publisher"),
            PublisherPlace = Text(entry, "publisher-place"),
            Note = note,
            Evidence = evidence,
            SourceFile = file,
            SourceLine = line,
        };
    }

    private static string? Text(JsonElement entry, string name)
    {
        if (!entry.TryGetProperty(name, out var value)) return null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static IReadOnlyList<PersonName> Names(JsonElement entry, string name)
    {
        if (!entry.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return [];
        var names = new List<PersonName>();
        foreach (var person in list.EnumerateArray())
        {
            if (person.ValueKind != JsonValueKind.Object) continue;
            var family = Text(person, "family");
            if (Text(person, "non-dropping-particle") is { } particle) family = particle + " " + family;
            var given = Text(person, "given");
            if (Text(person, "suffix") is { } suffix) given = given is null ? suffix : given + ", " + suffix;
            var literal = Text(person, "literal");
            if (family is not null || literal is not null) names.Add(new PersonName(family, given, family is null ? literal : null));
        }
        return names;
    }

    private static (int? Year, int? Month, int? Day) Issued(JsonElement entry)
    {
        if (!entry.TryGetProperty("issued", out var issued)) return (null, null, null);
        // Pandoc's CSL-YAML may write a date as text: "2020", "2020-05" or "2020-05-17".
        if (issued.ValueKind == JsonValueKind.String)
        {
            var written = (issued.GetString() ?? "").Split('-', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => int.TryParse(p, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null).ToList();
            return (written.ElementAtOrDefault(0), written.ElementAtOrDefault(1), written.ElementAtOrDefault(2));
        }
        if (issued.ValueKind != JsonValueKind.Object) return (null, null, null);
        if (issued.TryGetProperty("date-parts", out var parts) && parts.ValueKind == JsonValueKind.Array &&
            parts.GetArrayLength() > 0 && parts[0].ValueKind == JsonValueKind.Array)
        {
            var numbers = parts[0].EnumerateArray().Select(Number).ToList();
            return (numbers.ElementAtOrDefault(0), numbers.ElementAtOrDefault(1), numbers.ElementAtOrDefault(2));
        }
        var raw = Text(issued, "raw") ?? Text(issued, "literal");
        return raw is not null && raw.Length >= 4 && int.TryParse(raw[..4], out var year) ? (year, null, null) : (null, null, null);
    }

    private static int? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt32(out var n) => n,
        JsonValueKind.String when int.TryParse(value.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    /// <summary>The 1-based line on which each top-level entry starts.</summary>
    private static List<int> EntryLines(byte[] json)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var span = json.AsSpan();
        var line = 1;
        long counted = 0;
        while (reader.Read())
        {
            if (reader.CurrentDepth != 1 || reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray) continue;
            line += span[(int)counted..(int)reader.TokenStartIndex].Count((byte)'\n');
            counted = reader.TokenStartIndex;
            lines.Add(line);
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
        }
        return lines;
    }
}
