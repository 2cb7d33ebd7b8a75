using System.Globalization;

namespace SiteGen.Engine;

/// <summary>
/// Evidence metadata kept in a reference's CSL "note" (Zotero's "Extra" field), one
/// "key: value" per line, so it survives a Zotero round trip:
/// <code>
/// design: pilot RCT
/// n: 22
/// population: adults with BPD and current suicidal ideation
/// comparator: midazolam 0.04 mg/kg
/// finding: no significant difference on suicidal ideation
/// PMID: 36804489
/// </code>
/// Lines with other keys are kept in the note and ignored here.
/// </summary>
public sealed record EvidenceNote(string? DesignText, StudyDesign? Design, int? N, string? Population, string? Comparator, string? Finding, string? Pmid)
{
    public static readonly EvidenceNote Empty = new(null, null, null, null, null, null, null);

    public static EvidenceNote Parse(string? note)
    {
        if (string.IsNullOrWhiteSpace(note)) return Empty;
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var raw in note.Split('\n'))
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0) continue;
            fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }
        var designText = fields.GetValueOrDefault("design");
        int? n = fields.TryGetValue("n", out var nText) && int.TryParse(nText.Replace(",", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return new EvidenceNote(designText, designText is null ? null : StudyDesign.Find(designText), n,
            fields.GetValueOrDefault("population"), fields.GetValueOrDefault("comparator"),
            fields.GetValueOrDefault("finding"), fields.GetValueOrDefault("PMID"));
    }
}
