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
/// low, very low); 'retraction_acknowledged' says why a retracted work is still cited; 'effect'
/// ('SMD -0.52 (-0.70 to -0.33)'), 'effect-outcome' and 'effect-pooled' feed forest plots. Lines with other keys are kept in the note and ignored here.
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

    /// <summary>'effect:' as written; <see cref="Effect"/> is null when it is not in <see cref="EffectEstimate.Form"/>.</summary>
    public string? EffectText { get; init; }
    public EffectEstimate? Effect { get; init; }

    /// <summary>What the effect measures ('effect-outcome: BPD severity'), for the forest plot of that outcome.</summary>
    public string? EffectOutcome { get; init; }

    /// <summary>The effect is a pooled estimate of several studies ('effect-pooled: yes'; a meta-analysis' is pooled anyway): drawn as a diamond.</summary>
    public bool EffectPooled { get; init; }

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
            EffectText = fields.GetValueOrDefault("effect"),
            Effect = fields.GetValueOrDefault("effect") is { } effect ? EffectEstimate.Parse(effect) : null,
            EffectOutcome = fields.GetValueOrDefault("effect-outcome"),
            EffectPooled = fields.GetValueOrDefault("effect-pooled")?.Trim().ToLowerInvariant() is "yes" or "true",
        };
    }
}
