using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Engine;

namespace SiteGen.Search;

/// <summary>
/// Writes the index as small script files that call window.SiteGenSearch, so the browser loads
/// them with script elements (which work from file://, unlike fetch):
/// search/index.js (manifest: shard names, stop words, suffix rules), search/t/XX.js (terms whose
/// stem starts with XX) and search/p/N.js (page N's title, URL and section texts, for snippets).
/// </summary>
public static class WriteSearchIndex
{
    /// <summary>
    /// Section text kept for snippets and phrase checks: generous on ordinary sites, so a
    /// snippet can show the match, and short on very large ones, where it dominates the index.
    /// </summary>
    public static int StoredText(int pageCount) => pageCount > LongKeysFromPages ? 240 : 2000;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Above this many pages, shards are keyed by three letters, so a first search stays small.</summary>
    public const int LongKeysFromPages = 2000;

    public static IEnumerable<Document> Files(SearchIndex index)
    {
        var large = index.Pages.Count > LongKeysFromPages;
        var keyLength = large ? 3 : 2;
        var shards = index.Terms.GroupBy(t => SearchText.ShardKey(t.Stem, keyLength)).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        yield return File("search/index.js", "manifest", writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", 1);
            writer.WriteNumber("pages", index.Pages.Count);
            writer.WriteNumber("keyLength", keyLength);
            // One space-separated string: a large site has thousands of shards, and this keeps the manifest small.
            writer.WriteString("shards", string.Join(' ', shards.Select(s => s.Key)));
            writer.WriteStartArray("stop");
            foreach (var word in SearchText.StopWords) writer.WriteStringValue(word);
            writer.WriteEndArray();
            writer.WriteStartArray("rules");
            foreach (var (suffix, replacement, minStem) in SearchText.SuffixRules)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(suffix);
                writer.WriteStringValue(replacement);
                writer.WriteNumberValue(minStem);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
        foreach (var shard in shards)
            yield return File($"search/t/{shard.Key}.js", "shard", writer =>
            {
                writer.WriteStartObject();
                foreach (var term in shard)
                {
                    writer.WriteStartArray(term.Stem);
                    writer.WriteStringValue(string.Join(' ', term.Words));
                    writer.WriteStartArray();
                    foreach (var posting in term.Postings)
                    {
                        writer.WriteNumberValue(posting.Page);
                        writer.WriteNumberValue(posting.Section);
                        writer.WriteNumberValue(posting.Score);
                    }
                    writer.WriteEndArray();
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }, shard.Key);
        for (var p = 0; p < index.Pages.Count; p++)
        {
            var page = index.Pages[p];
            yield return File($"search/p/{p}.js", "page", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("url", page.OutputPath);
                writer.WriteString("title", page.Title);
                writer.WriteStartArray("sections");
                foreach (var section in page.Sections)
                {
                    writer.WriteStartArray();
                    writer.WriteStringValue(section.Heading);
                    writer.WriteStringValue(section.Anchor);
                    writer.WriteStringValue(section.Text); // already shortened by the builder
                    writer.WriteEndArray();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }, p);
        }
    }

    private static Document File(string path, string callback, Action<Utf8JsonWriter> body, object? key = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options)) body(writer);
        var json = Encoding.UTF8.GetString(buffer.ToArray());
        var keyArgument = key switch { null => "", string text => JsonSerializer.Serialize(text) + ",", _ => key + "," };
        return new Document
        {
            SourcePath = "", OutputPath = path, Kind = DocumentKind.GeneratedFile,
            Content = $"SiteGenSearch.{callback}({keyArgument}{json});\n",
        };
    }
}
