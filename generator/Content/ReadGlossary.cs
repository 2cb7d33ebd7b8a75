using YamlDotNet.RepresentationModel;

namespace SiteGen.Content;

/// <summary>
/// Settings: the site's glossary, input/_data/glossary.yml, a list of entries:
/// <code>
/// - term: off-label
///   aliases: [off label]
///   definition: Used in a way its licence does not cover.
///   cite: fda2023compoundedketamine
/// </code>
/// A missing term or definition, an unknown field, a name used twice or a citation key the
/// citations file lacks is an error at its line. No file means no glossary.
/// </summary>
public sealed class ReadGlossary : IModule
{
    private static readonly string[] Fields = ["term", "aliases", "definition", "cite"];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        context.Glossary = Read(context);
        return documents;
    }

    private static Glossary Read(BuildContext context)
    {
        var source = context.Paths.InputSource(Glossary.SourcePath);
        if (!SourceFiles.Exists(source) || TextDecoding.Read(source, Glossary.SourcePath, context.Diagnostics) is not { } text) return Glossary.Empty;
        var root = YamlFields.LoadTree(text, Glossary.SourcePath, 0, context.Diagnostics, "the glossary");
        if (root is null or YamlScalarNode { Value: null or "" }) return Glossary.Empty;
        if (root is not YamlSequenceNode list)
        {
            Error(context, root, "the glossary must be a list of entries, each starting '- term: ...'.");
            return Glossary.Empty;
        }
        var entries = new List<GlossaryEntry>();
        var names = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list)
        {
            if (item is not YamlMappingNode map) { Error(context, item, "each glossary entry is 'term:' and 'definition:' lines."); continue; }
            string? Scalar(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) && v is YamlScalarNode { Value: { Length: > 0 } s } ? s.Trim() : null;
            var misspelt = false;
            foreach (var (key, _) in map.Children)
                if (key is YamlScalarNode { Value: { } k } && !Fields.Contains(k) && (misspelt = true))
                    Error(context, key, $"glossary entries have no field '{k}'" + (Suggest.Closest(k, Fields) is { } near ? $" (did you mean '{near}'?)." : $"; use {string.Join(", ", Fields)}."));
            var term = Scalar("term");
            var definition = Scalar("definition");
            var line = (int)item.Start.Line;
            if (term is null || definition is null)
            {
                // A misspelt field already says what is wrong: the entry is left out without a second error.
                if (!misspelt) Error(context, item, "a glossary entry needs a 'term' and a 'definition'.");
                continue;
            }
            var aliases = map.Children.TryGetValue(new YamlScalarNode("aliases"), out var a) && a is YamlSequenceNode seq
                ? seq.OfType<YamlScalarNode>().Select(s => s.Value?.Trim()).OfType<string>().Where(s => s.Length > 0).ToList()
                : Scalar("aliases") is { } one ? [one] : [];
            var cite = Scalar("cite");
            if (cite is not null && context.Citations.Find(cite) is null)
                Error(context, item, $"glossary entry '{term}' cites '{cite}', which is not in the citations file.");
            var duplicate = false;
            foreach (var name in aliases.Prepend(term))
                if (!names.TryAdd(name, line))
                {
                    Error(context, item, $"'{name}' is already in the glossary (line {names[name]}); give each name one entry.");
                    duplicate = true;
                }
            if (!duplicate) entries.Add(new GlossaryEntry(Id(term), term, aliases, definition, cite, line));
        }
        return new Glossary([.. entries.OrderBy(e => e.Term, StringComparer.OrdinalIgnoreCase)]);
    }

    /// <summary>The entry's anchor on the glossary page: "term-" and the term in lower case, letters and digits joined by '-'.</summary>
    public static string Id(string term) =>
        "term-" + string.Join('-', System.Text.RegularExpressions.Regex.Split(term.ToLowerInvariant(), @"[^\p{L}\p{Nd}]+").Where(s => s.Length > 0));

    private static void Error(BuildContext context, YamlNode node, string message) =>
        context.Diagnostics.Error(Glossary.SourcePath, (int)node.Start.Line, (int)node.Start.Column, message);
}
