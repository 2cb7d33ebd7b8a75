using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using SiteGen.Engine;
using static SiteGen.Engine.JsonFields;

namespace SiteGen.Registry;

/// <summary>
/// A registry's record of a work with every bibliographic field it holds, as the entry `sitegen
/// refs add` writes (<see cref="Entry"/>, in the citations model; its id is given when it is
/// added). A field the registry leaves out stays null: nothing is guessed.
/// </summary>
public sealed partial record RegistryWork
{
    /// <summary>The same record reduced to what `refs verify` compares and the lock keeps.</summary>
    public required ReferenceRecord Record { get; init; }

    /// <summary>The other registry's record of the same paper, when it has one (the lock keeps both).</summary>
    public ReferenceRecord? Companion { get; init; }

    /// <summary>The work as a citations entry, without its id.</summary>
    public required Reference Entry { get; init; }

    /// <summary>The journal's abbreviation, which CSL-JSON keeps beside its name ('container-title-short').</summary>
    public string? ContainerTitleShort { get; init; }

    /// <summary>Crossref's work types as CSL types; anything else is a "document".</summary>
    private static readonly Dictionary<string, string> CrossrefTypes = new(StringComparer.Ordinal)
    {
        ["journal-article"] = "article-journal", ["book"] = "book", ["monograph"] = "book", ["edited-book"] = "book",
        ["reference-book"] = "book", ["book-chapter"] = "chapter", ["book-section"] = "chapter", ["book-part"] = "chapter",
        ["proceedings-article"] = "paper-conference", ["report"] = "report", ["posted-content"] = "article",
        ["dissertation"] = "thesis", ["dataset"] = "dataset", ["reference-entry"] = "entry-encyclopedia", ["standard"] = "standard",
    };

    public static RegistryWork FromCrossref(JsonElement message, ReferenceRecord record)
    {
        var type = CrossrefTypes.GetValueOrDefault(Text(message, "type") ?? "", "document");
        var date = Registries.DateParts(message, "issued") is { Count: > 0 } issued ? issued : Registries.DateParts(message, "published");
        return new RegistryWork
        {
            Record = record,
            ContainerTitleShort = Plain(First(message, "short-container-title")),
            Entry = new Reference
            {
                Id = "",
                Type = type,
                Title = Plain(record.Title) ?? "",
                Authors = [.. Items(message, "author", JsonValueKind.Object).Select(CrossrefName).OfType<PersonName>()],
                Year = date.ElementAtOrDefault(0) is > 0 and var year ? year : null,
                Month = date.ElementAtOrDefault(1) is >= 1 and <= 12 and var month ? month : null,
                Day = date.ElementAtOrDefault(2) is >= 1 and <= 31 and var day ? day : null,
                ContainerTitle = Plain(First(message, "container-title")),
                Volume = Plain(Text(message, "volume")),
                Issue = Plain(Text(message, "issue")),
                Page = Plain(Text(message, "page")),
                // A journal's publisher is not part of an article's reference; a book's is.
                Publisher = type is "article-journal" or "article" ? null : Plain(Text(message, "publisher")),
                Doi = Text(message, "DOI")?.ToLowerInvariant(),
            },
        };
    }

    public static RegistryWork FromPubMed(JsonElement summary, ReferenceRecord record)
    {
        var ids = Items(summary, "articleids", JsonValueKind.Object).ToList();
        string? Id(string kind) => ids.Where(i => Text(i, "idtype") == kind).Select(i => Text(i, "value")).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var (year, month, day) = PubMedDate(Text(summary, "pubdate"));
        var types = Items(summary, "pubtype", JsonValueKind.String).Select(t => t.GetString()).ToList();
        return new RegistryWork
        {
            Record = record,
            ContainerTitleShort = Plain(Text(summary, "source")),
            Entry = new Reference
            {
                Id = "",
                Type = types.Contains("Preprint") ? "article" : "article-journal",
                Title = Plain(record.Title) ?? "",
                Authors = [.. Items(summary, "authors", JsonValueKind.Object).Select(PubMedName).OfType<PersonName>()],
                Year = year, Month = month, Day = day,
                ContainerTitle = Plain(Text(summary, "fulljournalname")) ?? Plain(Text(summary, "source")),
                Volume = Plain(Text(summary, "volume")),
                Issue = Plain(Text(summary, "issue")),
                Page = Plain(Text(summary, "pages")) is { } pages ? FullPageRange(pages) : null,
                Doi = Id("doi")?.ToLowerInvariant(),
                Pmid = record.Pmid,
                Pmcid = Id("pmc") ?? Id("pmcid")?.Split(';')[0].Replace("pmc-id:", "").Trim(),
            },
        };
    }

    /// <summary>This work with the PubMed identifiers of the same paper, whose other fields Crossref already gives in full.</summary>
    public RegistryWork WithPubMed(RegistryWork pubmed) =>
        this with { Entry = Entry with { Pmid = pubmed.Entry.Pmid, Pmcid = pubmed.Entry.Pmcid }, Companion = pubmed.Record };

    private static PersonName? CrossrefName(JsonElement author)
    {
        var family = Plain(Text(author, "family"));
        var given = Plain(Text(author, "given"));
        if (family is not null) return new PersonName(family, given);
        return Plain(Text(author, "name")) is { } organisation ? new PersonName(null, null, organisation) : null;
    }

    /// <summary>PubMed writes "Lieb K" (family, then initials) and groups as collective names.</summary>
    private static PersonName? PubMedName(JsonElement author)
    {
        if (Plain(Text(author, "name")) is not { } name) return null;
        if (!string.Equals(Text(author, "authtype"), "Author", StringComparison.OrdinalIgnoreCase) || !name.Contains(' '))
            return new PersonName(null, null, name);
        var space = name.LastIndexOf(' ');
        return new PersonName(name[..space], name[(space + 1)..]);
    }

    /// <summary>PubMed's "2004 Jul 31", "2004 Jul-Aug", "2004 Spring" or "2004": what it says, no more.</summary>
    private static (int?, int?, int?) PubMedDate(string? date)
    {
        var parts = (date ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)) return (null, null, null);
        var month = parts.Length > 1 && parts[1].Length == 3 && DateTime.TryParseExact(parts[1], "MMM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m) ? m.Month : (int?)null;
        var day = month is not null && parts.Length > 2 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31 ? d : (int?)null;
        return (year, month, day);
    }

    /// <summary>PubMed shortens the last page ("453-61"); the full range is the same pages written out ("453-461").</summary>
    public static string FullPageRange(string pages)
    {
        var match = ShortRange().Match(pages);
        if (!match.Success) return pages;
        var first = match.Groups[1].Value;
        var last = match.Groups[2].Value;
        return last.Length < first.Length ? $"{first}-{first[..(first.Length - last.Length)]}{last}" : pages;
    }

    /// <summary>The text without markup (Crossref titles carry &lt;i&gt; and entities), spaces collapsed; null when empty.</summary>
    private static string? Plain(string? text)
    {
        if (text is null) return null;
        var plain = WebUtility.HtmlDecode(Markup().Replace(text, ""));
        plain = string.Join(' ', plain.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return plain.Length == 0 ? null : plain;
    }

    private static string? First(JsonElement element, string name) =>
        Text(element, name) ?? Items(element, name, JsonValueKind.String).Select(v => v.GetString()).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    [GeneratedRegex(@"<[^>]{0,200}>")]
    private static partial Regex Markup();

    [GeneratedRegex(@"^(\d+)\s*-\s*(\d+)$")]
    private static partial Regex ShortRange();
}
