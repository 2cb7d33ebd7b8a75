using System.Globalization;
using SiteGen.Engine;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SiteGen.Content;

/// <summary>
/// Reads a YAML mapping field by field, so each wrong value is reported at its own line and column
/// (offset by where the YAML sits in its file) and unknown keys are caught instead of ignored.
/// </summary>
public sealed class YamlFields
{
    private readonly YamlMappingNode _map;
    private readonly string _file;
    private readonly int _lineOffset;
    private readonly Diagnostics _diagnostics;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    private YamlFields(YamlMappingNode map, string file, int lineOffset, Diagnostics diagnostics)
    {
        _map = map;
        _file = file;
        _lineOffset = lineOffset;
        _diagnostics = diagnostics;
    }

    /// <summary>How deep lists and mappings may nest: front matter and site.yml need 3 levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>How many aliases (*name) one YAML text may use: ours need none.</summary>
    public const int MaxAliases = 100;

    /// <summary>Parses <paramref name="yaml"/>; null (with a diagnostic) when it is not a mapping.</summary>
    public static YamlFields? Parse(string yaml, string file, int lineOffset, Diagnostics diagnostics, string what)
    {
        var root = LoadTree(yaml, file, lineOffset, diagnostics, what);
        if (root is null) return null;
        if (root is YamlScalarNode { Value: null or "" })
            return new YamlFields(new YamlMappingNode(), file, lineOffset, diagnostics);
        if (root is not YamlMappingNode map)
        {
            diagnostics.Error(file, (int)root.Start.Line + lineOffset, (int)root.Start.Column,
                $"{what} must be a list of 'key: value' lines.");
            return null;
        }
        return new YamlFields(map, file, lineOffset, diagnostics);
    }

    /// <summary>
    /// The first document of <paramref name="yaml"/> as a tree, within the limits below (an empty
    /// text gives an empty scalar); null, with a diagnostic at the line, when it cannot be read.
    /// </summary>
    public static YamlNode? LoadTree(string yaml, string file, int lineOffset, Diagnostics diagnostics, string what)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new LimitedParser(yaml));
        }
        catch (OverLimit over)
        {
            diagnostics.Error(file, (int)over.Mark.Line + lineOffset, (int)over.Mark.Column, $"{what}: {over.Message}");
            return null;
        }
        catch (YamlException ex)
        {
            var reason = (ex.InnerException?.Message ?? ex.Message).Trim();
            diagnostics.Error(file, (int)ex.Start.Line + lineOffset, (int)ex.Start.Column,
                $"{what} is not valid YAML: {reason}. Check indentation, and quote values that contain ':' or '#'.");
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException)
        {
            // YamlDotNet gives up on some malformed input without a position: point at the start.
            diagnostics.Error(file, lineOffset + 1, 1,
                $"{what} is not valid YAML ({ex.Message}). Check indentation, and quote values that contain ':', '#', '&', '*' or '!'.");
            return null;
        }
        return stream.Documents.Count == 0 ? new YamlScalarNode("") : stream.Documents[0].RootNode;
    }

    /// <summary>
    /// The parser's events, checked as the tree loader takes them: the loader recurses (100,000 '['
    /// overflow the stack and kill the process) and hashes whole nodes used as keys (an alias bomb as
    /// a key takes minutes). Neither is needed for 'key: value' files, so both are refused at the
    /// event that would start them, before the loader sees it (one pass over the text, not a
    /// checking pass and then a loading one).
    /// </summary>
    private sealed class LimitedParser(string yaml) : IParser
    {
        private readonly Parser _events = new(new StringReader(yaml));
        private int _depth, _aliases;
        /// <summary>For each open collection: is it a mapping, and is its next node a key?</summary>
        private readonly Stack<(bool Mapping, bool ExpectKey)> _open = new();

        public ParsingEvent Current => _events.Current!;

        public bool MoveNext()
        {
            if (!_events.MoveNext()) return false;
            if (Problem(_events.Current!) is { } problem) throw new OverLimit(_events.Current!.Start, problem);
            return true;
        }

        private string? Problem(ParsingEvent current)
        {
            if (current is NodeEvent or AnchorAlias && _open.TryPop(out var parent))
            {
                if (parent.Mapping && parent.ExpectKey && current is not Scalar)
                    return "a key must be a plain name, not a list, a mapping or an alias; write 'name: value'.";
                _open.Push(parent with { ExpectKey = !parent.ExpectKey });
            }
            switch (current)
            {
                case AnchorAlias when ++_aliases > MaxAliases:
                    return $"more than {MaxAliases} aliases (*name); write the values out.";
                case MappingStart or SequenceStart:
                    if (++_depth > MaxDepth) return $"lists and mappings are nested more than {MaxDepth} levels deep; flatten them.";
                    _open.Push((current is MappingStart, true));
                    break;
                case MappingEnd or SequenceEnd:
                    _depth--;
                    _open.TryPop(out _);
                    break;
            }
            return null;
        }
    }

    /// <summary>A limit of <see cref="LimitedParser"/> passed, at the event that passed it.</summary>
    private sealed class OverLimit(Mark mark, string problem) : Exception(problem)
    {
        public Mark Mark { get; } = mark;
    }

    public string? String(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is YamlScalarNode scalar) return scalar.Value;
        Report(node, $"'{key}' must be a single value, not a list or mapping.");
        return null;
    }

    /// <summary>An absolute http(s) URL: the only kind the layout may turn into a link (no javascript: or data:).</summary>
    public string? WebUrl(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is YamlScalarNode { Value: { } value } && Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) &&
            uri.Scheme is "http" or "https")
            return value.Trim();
        Report(node, $"'{key}' must be an absolute http:// or https:// URL.");
        return null;
    }

    public int? Int(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is YamlScalarNode scalar && int.TryParse(scalar.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            return value;
        Report(node, $"'{key}' must be a whole number.");
        return null;
    }

    public DateOnly? Date(string key)
    {
        if (Node(key) is not { } node) return null;
        if (node is YamlScalarNode scalar &&
            IsoDate.TryParse(scalar.Value, out var date))
            return date;
        Report(node, $"'{key}' must be a date written as YYYY-MM-DD.");
        return null;
    }

    /// <summary>A list of strings; a single value is accepted as a list of one.</summary>
    public IReadOnlyList<string> StringList(string key)
    {
        if (Node(key) is not { } node) return [];
        if (node is YamlScalarNode one) return string.IsNullOrWhiteSpace(one.Value) ? [] : [one.Value];
        if (node is YamlSequenceNode list)
        {
            var values = new List<string>();
            foreach (var item in list)
            {
                if (item is YamlScalarNode { Value: { } text }) values.Add(text);
                else Report(item, $"each entry of '{key}' must be a single value.");
            }
            return values;
        }
        Report(node, $"'{key}' must be a list.");
        return [];
    }

    /// <summary>
    /// A list whose entries are each a single value (read as <paramref name="first"/>) or a mapping
    /// of the named fields, e.g. reviewers written as "- Jane Doe" or as "- name: Jane Doe\n  role: ...".
    /// An unknown field is an error with a suggestion.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string>> Records(string key, string first, IReadOnlyCollection<string> fields) =>
        [.. RecordsAt(key, first, fields).Select(r => r.Record)];

    /// <summary><see cref="Records"/> with the position of each entry, for messages about it.</summary>
    public IReadOnlyList<(IReadOnlyDictionary<string, string> Record, int Line, int Column)> RecordsAt(string key, string first, IReadOnlyCollection<string> fields)
    {
        if (Node(key) is not { } node) return [];
        IEnumerable<YamlNode> items = node is YamlSequenceNode list ? list : [node];
        var records = new List<(IReadOnlyDictionary<string, string>, int, int)>();
        foreach (var item in items)
        {
            var (line, column) = ((int)item.Start.Line + _lineOffset, (int)item.Start.Column);
            if (item is YamlScalarNode { Value: { Length: > 0 } text }) { records.Add((new Dictionary<string, string> { [first] = text }, line, column)); continue; }
            if (item is not YamlMappingNode map) { Report(item, $"each entry of '{key}' must be a single value or 'name: value' lines."); continue; }
            var record = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, value) in map.Children)
            {
                var field = (name as YamlScalarNode)?.Value ?? "";
                if (!fields.Contains(field))
                    Report(name, $"'{key}' entries have no field '{field}'" + (Suggest.Closest(field, fields) is { } near ? $" (did you mean '{near}'?)" : $"; use {string.Join(", ", fields)}."));
                else if (value is YamlScalarNode { Value: { Length: > 0 } v }) record[field] = v;
                else Report(value, $"'{field}' must be a single value.");
            }
            if (!record.ContainsKey(first)) Report(item, $"each entry of '{key}' needs a '{first}'.");
            else records.Add((record, line, column));
        }
        return records;
    }

    /// <summary>A list of strings (or a single one) with the position of each, for messages about them.</summary>
    public IReadOnlyList<(string Value, int Line, int Column)> StringListAt(string key)
    {
        if (Node(key) is not { } node) return [];
        IEnumerable<YamlNode> items = node is YamlSequenceNode list ? list : [node];
        var values = new List<(string, int, int)>();
        foreach (var item in items)
        {
            if (item is YamlScalarNode { Value: { Length: > 0 } text }) values.Add((text, (int)item.Start.Line + _lineOffset, (int)item.Start.Column));
            else Report(item, $"each entry of '{key}' must be a single value.");
        }
        return values;
    }

    /// <summary>A mapping of names to single values, each with its position for messages.</summary>
    public IReadOnlyList<(string Key, string Value, int Line, int Column)> Pairs(string key)
    {
        if (Node(key) is not { } node) return [];
        if (node is not YamlMappingNode map)
        {
            Report(node, $"'{key}' must be a list of 'name: value' lines.");
            return [];
        }
        var pairs = new List<(string, string, int, int)>();
        foreach (var (name, value) in map.Children)
        {
            if (name is YamlScalarNode { Value: { } n } && value is YamlScalarNode { Value: { } v })
                pairs.Add((n, v, (int)name.Start.Line + _lineOffset, (int)name.Start.Column));
            else Report(name, $"each entry of '{key}' must be 'name: value'.");
        }
        return pairs;
    }

    /// <summary>A mapping whose values are each one value or a list of them ("host: [403, 429]" or "host: 403").</summary>
    public IReadOnlyList<(string Key, IReadOnlyList<string> Values, int Line, int Column)> PairLists(string key)
    {
        if (Node(key) is not { } node) return [];
        if (node is not YamlMappingNode map)
        {
            Report(node, $"'{key}' must be a list of 'name: value' lines.");
            return [];
        }
        var pairs = new List<(string, IReadOnlyList<string>, int, int)>();
        foreach (var (name, value) in map.Children)
        {
            IReadOnlyList<string>? values = value switch
            {
                YamlScalarNode { Value: { } one } => one.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                YamlSequenceNode list when list.All(i => i is YamlScalarNode { Value: not null }) => [.. list.Cast<YamlScalarNode>().Select(i => i.Value!.Trim())],
                _ => null,
            };
            if (name is YamlScalarNode { Value: { } n } && values is not null)
                pairs.Add((n, values, (int)name.Start.Line + _lineOffset, (int)name.Start.Column));
            else Report(name, $"each entry of '{key}' must be 'name: value' or 'name: [value, value]'.");
        }
        return pairs;
    }

    /// <summary>The line a key's value starts on (0 when the key is absent), for messages about what is inside the value.</summary>
    public int LineOf(string key) =>
        _map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? (int)node.Start.Line + _lineOffset : 0;

    /// <summary>Reports an error at a position inside this YAML.</summary>
    public void Error(int line, int column, string message) => _diagnostics.Error(_file, line, column, message);

    /// <summary>Reports every key that no reader asked for: usually a typo of a known key.</summary>
    public void RejectUnknownKeys(IReadOnlyCollection<string> known)
    {
        foreach (var (keyNode, _) in _map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (_read.Contains(key)) continue;
            var suggestion = Suggest.Closest(key, known);
            Report(keyNode, $"unknown key '{key}'" + (suggestion is null
                ? $". Known keys: {string.Join(", ", known)}."
                : $" (did you mean '{suggestion}'?)"));
        }
    }

    private YamlNode? Node(string key)
    {
        _read.Add(key);
        if (!_map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return null;
        return node is YamlScalarNode { Value: null or "" } && node.Tag.IsEmpty && ((YamlScalarNode)node).Style == ScalarStyle.Plain
            ? null : node;
    }

    private void Report(YamlNode node, string message) =>
        _diagnostics.Error(_file, (int)node.Start.Line + _lineOffset, (int)node.Start.Column, message);
}
