using System.Text.RegularExpressions;

namespace SiteGen.Engine;

/// <summary>
/// A term of the site's glossary (input/_data/glossary.yml): what readers see, other ways of
/// writing it, a plain definition, and optionally the citation key of a source for it.
/// </summary>
public sealed record GlossaryEntry(string Id, string Term, IReadOnlyList<string> Aliases, string Definition, string? Cite, int Line)
{
    /// <summary>An abbreviation (all capitals, such as BPD or NICE) is matched as written and marked as &lt;abbr&gt;.</summary>
    public bool IsAbbreviation => Term.Length > 1 && Term.All(c => char.IsUpper(c) || char.IsDigit(c) || c == '-');

    public IEnumerable<string> Names => Aliases.Prepend(Term);
}

/// <summary>The site's glossary: its entries, in order, and one pattern that finds any of their names in text.</summary>
public sealed class Glossary
{
    public static readonly Glossary Empty = new([]);

    public const string SourcePath = "_data/glossary.yml";

    public IReadOnlyList<GlossaryEntry> Entries { get; }

    /// <summary>Every name (term or alias) of every entry, longest first, as whole words; capitalised names match only as written.</summary>
    public Regex? Pattern { get; }

    private readonly Dictionary<string, GlossaryEntry> _byName = new(StringComparer.OrdinalIgnoreCase);

    public Glossary(IReadOnlyList<GlossaryEntry> entries)
    {
        Entries = entries;
        foreach (var entry in entries)
            foreach (var name in entry.Names)
                _byName.TryAdd(name, entry);
        if (_byName.Count == 0) return;
        var names = _byName.Keys.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal)
            .Select(n => _byName[n].IsAbbreviation ? $"(?-i:{Regex.Escape(n)})" : Regex.Escape(n));
        Pattern = new Regex($@"(?<![\p{{L}}\p{{Nd}}-])(?:{string.Join('|', names)})(?![\p{{L}}\p{{Nd}}]|-\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }

    /// <summary>The entry a name found by <see cref="Pattern"/> belongs to (the pattern has already matched capitalised names as written).</summary>
    public GlossaryEntry? Find(string name) => _byName.GetValueOrDefault(name);

    public bool Knows(string name) => _byName.ContainsKey(name);
}
