using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Registry;

namespace SiteGen.References;

/// <summary>
/// A registry's work written as a new entry of the citations file, in the file's own format and
/// layout (CSL-JSON with its indentation and line endings, or BibTeX), and appended after the
/// entries already there without touching a byte of them.
/// </summary>
public static class NewEntryText
{
    /// <summary>The CSL-JSON object for the work, indented as the file indents its entries.</summary>
    public static string CslJson(RegistryWork work, string key, string note, FileLayout layout)
    {
        var entry = work.Entry;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = layout.NewLine,
            IndentCharacter = layout.IndentUnit[0], IndentSize = layout.IndentUnit.Length,
        }))
        {
            json.WriteStartObject();
            json.WriteString("id", key);
            json.WriteString("type", entry.Type);
            Write(json, "title", entry.Title);
            if (entry.Authors.Count > 0)
            {
                json.WriteStartArray("author");
                foreach (var author in entry.Authors)
                {
                    json.WriteStartObject();
                    if (author.Literal is { } literal) json.WriteString("literal", literal);
                    Write(json, "family", author.Family);
                    Write(json, "given", author.Given);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            Write(json, "container-title", entry.ContainerTitle);
            if (work.ContainerTitleShort != entry.ContainerTitle) Write(json, "container-title-short", work.ContainerTitleShort);
            Write(json, "volume", entry.Volume);
            Write(json, "issue", entry.Issue);
            Write(json, "page", entry.Page);
            if (entry.Year is { } year)
            {
                json.WriteStartObject("issued");
                json.WriteStartArray("date-parts");
                json.WriteStartArray();
                foreach (var part in new[] { year, entry.Month, entry.Month is null ? null : entry.Day }.TakeWhile(p => p is not null)) json.WriteNumberValue(part!.Value);
                json.WriteEndArray();
                json.WriteEndArray();
                json.WriteEndObject();
            }
            Write(json, "publisher", entry.Publisher);
            Write(json, "DOI", entry.Doi);
            Write(json, "PMID", entry.Pmid);
            Write(json, "PMCID", entry.Pmcid);
            json.WriteString("note", note);
            json.WriteEndObject();
        }
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        return string.Join(layout.NewLine, text.Split(layout.NewLine).Select(line => layout.EntryIndent + line));
    }

    private static readonly Dictionary<string, string> BibTexTypes = new(StringComparer.Ordinal)
    {
        ["article-journal"] = "article", ["book"] = "book", ["chapter"] = "incollection", ["paper-conference"] = "inproceedings",
        ["report"] = "techreport", ["thesis"] = "phdthesis",
    };

    /// <summary>The BibTeX entry for the work, with LaTeX's special characters escaped.</summary>
    public static string BibTex(RegistryWork work, string key, string note, string newline)
    {
        var entry = work.Entry;
        var fields = new List<(string Name, string Value)>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) fields.Add((name, value));
        }
        if (entry.Authors.Count > 0)
            Add("author", string.Join(" and ", entry.Authors.Select(a => a.Literal is { } literal
                ? "{" + Escape(literal) + "}"
                : Escape(a.Family!) + (a.Given is { } given ? ", " + Escape(given) : ""))));
        Add("title", Escape(entry.Title));
        Add(entry.Type is "chapter" or "paper-conference" ? "booktitle" : "journal", entry.ContainerTitle is { } container ? Escape(container) : null);
        Add("year", entry.Year?.ToString(CultureInfo.InvariantCulture));
        Add("month", entry.Month?.ToString(CultureInfo.InvariantCulture));
        Add("volume", entry.Volume is { } volume ? Escape(volume) : null);
        Add("number", entry.Issue is { } issue ? Escape(issue) : null);
        Add("pages", entry.Page is { } page ? Escape(page).Replace("-", "--") : null);
        Add("publisher", entry.Publisher is { } publisher ? Escape(publisher) : null);
        Add("doi", entry.Doi); // written as is: biblatex reads a DOI verbatim
        Add("pmid", entry.Pmid);
        Add("pmcid", entry.Pmcid);
        Add("note", Escape(note));
        var type = BibTexTypes.GetValueOrDefault(entry.Type, "misc");
        return $"@{type}{{{key},{newline}" + string.Join("," + newline, fields.Select(f => $"  {f.Name} = {{{f.Value}}}")) + $"{newline}}}";
    }

    /// <summary>LaTeX's special characters as text (a title with '&amp;' or '%' would otherwise break the entry).</summary>
    private static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' or '}' or '&' or '%' or '$' or '#' or '_' => "\\" + c,
                _ => c.ToString(),
            });
        return builder.ToString();
    }

    private static void Write(Utf8JsonWriter json, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) json.WriteString(name, value);
    }

    /// <summary>How a file lays out its entries: line ending, the indentation of each entry, and one level of indentation.</summary>
    public sealed record FileLayout(string NewLine, string EntryIndent, string IndentUnit)
    {
        public static FileLayout Of(string text)
        {
            var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
            var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
            // The first line that opens an entry ('{' alone after its indentation), and the line after it.
            var open = lines.FindIndex(l => l.Trim() == "{");
            if (open < 0) return new FileLayout(newline, "", "  ");
            var entry = Indent(lines[open]);
            var inner = open + 1 < lines.Count ? Indent(lines[open + 1]) : "";
            var unit = inner.Length > entry.Length && inner.StartsWith(entry, StringComparison.Ordinal) ? inner[entry.Length..] : "  ";
            return new FileLayout(newline, entry, unit.Distinct().Count() == 1 ? unit : "  ");
        }

        private static string Indent(string line) => line[..(line.Length - line.TrimStart().Length)];
    }

    /// <summary>The CSL-JSON file with the entries added before its closing ']'; null when the file does not end with one.</summary>
    public static string? AppendToCslJson(string text, IReadOnlyList<string> entries, string newline)
    {
        var close = text.TrimEnd().Length - 1;
        if (close < 0 || text[close] != ']') return null;
        var before = text[..close].TrimEnd();
        var separator = before.EndsWith('[') || before.EndsWith(',') ? "" : ",";
        return before + separator + newline + string.Join("," + newline, entries) + newline + text[close..];
    }

    /// <summary>The BibTeX file with the entries after everything already in it, one blank line between entries.</summary>
    public static string AppendToBibTex(string text, IReadOnlyList<string> entries, string newline)
    {
        var kept = text.TrimEnd();
        return (kept.Length == 0 ? "" : kept + newline + newline) + string.Join(newline + newline, entries) + newline;
    }
}
