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
/// condition: BPD
/// follow-up: 14 days
/// certainty: very low
/// PMID: 36804489
/// </code>
/// 'condition' is the short name of the condition the study's participants had, so summaries
/// never pool people with different conditions; 'certainty' is a GRADE word (high, moderate,
/// low, very low); 'retraction_acknowledged' says why a retracted work is still cited. Lines with other keys are kept in the note and ignored here.
/// </summary>
public sealed record EvidenceNote(string? DesignText, StudyDesign? Design, int? N, string? Population, string? Comparator, string? Finding, string? Pmid)
{
    public static readonly EvidenceNote Empty = new(null, null, null, null, null, null, null);

    /// <summary>The GRADE certainty words, in order from the most certain.</summary>
    public static readonly string[] CertaintyWords = ["high", "moderate", "low", "very low"];

    public string? Condition { get; init; }
    public string? FollowUp { get; init; }

    /// <summary>The certainty as written ('certainty:'); <see cref="CertaintyWords"/> are the ones a check accepts.</summary>
    public string? Certainty { get; init; }

    /// <summary>Why a page still cites this work although it was retracted or withdrawn ('retraction_acknowledged:').</summary>
    public string? RetractionAcknowledged { get; init; }

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
            fields.GetValueOrDefault("finding"), fields.GetValueOrDefault("PMID"))
        {
            Condition = fields.GetValueOrDefault("condition"),
            FollowUp = fields.GetValueOrDefault("follow-up"),
            Certainty = fields.GetValueOrDefault("certainty")?.ToLowerInvariant(),
            RetractionAcknowledged = fields.GetValueOrDefault("retraction_acknowledged") ?? fields.GetValueOrDefault("retraction-acknowledged"),
        };
    }
}
