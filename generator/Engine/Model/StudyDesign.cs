namespace SiteGen.Engine;

/// <summary>
/// The study designs an entry may declare with a "design:" line in its note, in order of the
/// usual evidence hierarchy. <paramref name="Key"/> names the theme's strings that count it
/// (design_KEY_one, design_KEY_other); designs with the same key are summarised together.
/// A study (<paramref name="IsStudy"/>: a trial, a series, a case, or a systematic synthesis of
/// studies) is summarised by the condition of its participants; guidelines, narrative reviews and
/// documents are not, since they are not evidence from people with a condition.
/// </summary>
public sealed record StudyDesign(string Name, string Key, bool CountsParticipants, bool IsStudy = true)
{
    public static readonly IReadOnlyList<StudyDesign> All =
    [
        new("guideline", "guideline", false, IsStudy: false),
        new("systematic review", "systematic_review", false),
        new("meta-analysis", "meta_analysis", false),
        new("RCT", "randomized_trial", true),
        new("pilot RCT", "randomized_trial", true),
        new("open-label trial", "open_label_trial", true),
        new("cohort", "cohort_study", true),
        new("case series", "case_series", true),
        new("case report", "case_report", false),
        new("narrative review", "narrative_review", false, IsStudy: false),
        new("consensus statement", "consensus_statement", false, IsStudy: false),
        new("regulatory document", "regulatory_document", false, IsStudy: false),
        new("reference work", "reference_work", false, IsStudy: false),
        new("preclinical", "preclinical_study", false),
    ];

    public static StudyDesign? Find(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Position in <see cref="All"/>: designs that share a key are grouped under the first.</summary>
    public int Rank => All.ToList().FindIndex(d => d.Key == Key);
}
