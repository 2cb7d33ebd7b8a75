namespace SiteGen.Engine;

/// <summary>
/// The study designs an entry may declare with a "design:" line in its note, in order of the
/// usual evidence hierarchy. Each has the words used when a page's evidence is summarised.
/// </summary>
public sealed record StudyDesign(string Name, string Singular, string Plural, bool CountsParticipants)
{
    public static readonly IReadOnlyList<StudyDesign> All =
    [
        new("guideline", "guideline", "guidelines", false),
        new("systematic review", "systematic review", "systematic reviews", false),
        new("meta-analysis", "meta-analysis", "meta-analyses", false),
        new("RCT", "randomized trial", "randomized trials", true),
        new("pilot RCT", "randomized trial", "randomized trials", true),
        new("open-label trial", "open-label trial", "open-label trials", true),
        new("cohort", "cohort study", "cohort studies", true),
        new("case series", "case series", "case series", true),
        new("case report", "case report", "case reports", false),
        new("narrative review", "narrative review", "narrative reviews", false),
        new("consensus statement", "consensus statement", "consensus statements", false),
        new("regulatory document", "regulatory document", "regulatory documents", false),
        new("reference work", "reference work", "reference works", false),
        new("preclinical", "preclinical study", "preclinical studies", false),
    ];

    public static StudyDesign? Find(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Position in <see cref="All"/>: designs that share wording are grouped under the first.</summary>
    public int Rank => All.ToList().FindIndex(d => d.Singular == Singular);
}
