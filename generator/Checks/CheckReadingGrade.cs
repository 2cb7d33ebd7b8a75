using System.Globalization;

namespace SiteGen.Checks;

/// <summary>
/// Gather, before layout: each page's reading grade (<see cref="ReadingGrade"/>) against the
/// target for its audience (site.yml 'reading_grade', default 8 for Patient pages, the grade
/// usually recommended for patient information). A page above it gets a 'reading-grade' warning
/// with its figures, so editors see which pages to simplify and by how much.
/// </summary>
public sealed class CheckReadingGrade : IModule
{
    /// <summary>Each page's measure, worked out once per rendered text in `serve` (80 ms of every 1,000-page rebuild before).</summary>
    private static readonly TextMemo<ReadingGrade.Measure?> Measured = new();

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var targets = context.Config.ReadingGrades;
        var pages = documents.Where(d => d.Kind == DocumentKind.Page && targets.ContainsKey(d.Meta.Audience ?? context.Config.Audience)).ToArray();
        // Measured in parallel, reported in page order, so the output is the same from run to run.
        var measures = new ReadingGrade.Measure?[pages.Length];
        Parallel.For(0, pages.Length, context.Parallelism, i => measures[i] = Measured.Get(context, pages[i].Content, ReadingGrade.Of));
        for (var i = 0; i < pages.Length; i++)
        {
            var (page, measure) = (pages[i], measures[i]);
            var audience = page.Meta.Audience ?? context.Config.Audience;
            var target = targets[audience];
            if (measure is null || measure.Grade <= target) continue;
            context.Diagnostics.Report(CheckRule.ReadingGrade, page.SourcePath, 1, 1, string.Create(CultureInfo.InvariantCulture,
                $"reading grade {measure.Grade:0.0} (Flesch-Kincaid; {measure.Words} words in {measure.Sentences} sentences, {(double)measure.Syllables / measure.Words:0.00} syllables a word) " +
                $"is above {target}, the target for {audience} pages; use shorter sentences and everyday words, or move technical detail into a '::: for-clinicians' block, which the measure skips."));
        }
        return documents;
    }
}
