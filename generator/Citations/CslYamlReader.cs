using System.Text.Json;
using SiteGen.Content;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Citations;

/// <summary>
/// Reads CSL-YAML, the form Pandoc and Quarto write ("pandoc --to csljson" as YAML, or a
/// document's 'references:'): either a list of CSL entries or a mapping whose 'references' key
/// holds one. The entries are the same as CSL-JSON's, so they are read by <see cref="CslJsonReader"/>
/// after a change of notation; each keeps the line it starts on in the YAML file.
/// </summary>
public static class CslYamlReader
{
    public static List<Reference> Read(string text, string file, Diagnostics diagnostics)
    {
        var root = YamlFields.LoadTree(text, file, 0, diagnostics, "the citations file");
        if (root is null) return [];
        var entries = root as YamlSequenceNode;
        if (entries is null && root is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("references"), out var list))
            entries = list as YamlSequenceNode;
        if (entries is null)
        {
            if (root is not YamlScalarNode { Value: null or "" })
                diagnostics.Error(file, (int)root.Start.Line, (int)root.Start.Column,
                    "the citations file must be a YAML list of CSL entries, or a 'references:' list of them as Pandoc writes.");
            return [];
        }
        using var json = JsonDocument.Parse(AsJson(entries));
        return CslJsonReader.ReadEntries(json.RootElement, [.. entries.Select(e => (int)e.Start.Line)], file, diagnostics);
    }

    /// <summary>The YAML tree in JSON notation: every scalar as a string (CSL readers take numbers written as text), empty ones as null.</summary>
    private static byte[] AsJson(YamlNode node)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(node, writer);
        return buffer.ToArray();
    }

    private static void Write(YamlNode node, Utf8JsonWriter writer)
    {
        switch (node)
        {
            case YamlSequenceNode sequence:
                writer.WriteStartArray();
                foreach (var item in sequence) Write(item, writer);
                writer.WriteEndArray();
                break;
            case YamlMappingNode mapping:
                writer.WriteStartObject();
                foreach (var (key, value) in mapping.Children)
                {
                    writer.WritePropertyName((key as YamlScalarNode)?.Value ?? "");
                    Write(value, writer);
                }
                writer.WriteEndObject();
                break;
            case YamlScalarNode { Value: { Length: > 0 } value }:
                writer.WriteStringValue(value);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }
}
