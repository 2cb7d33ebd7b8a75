using System.Globalization;

namespace SiteGen.Checks;

/// <summary>
/// Render, in the pages' stream once the page is HTML: each page's reading grade (<see cref="ReadingGrade"/>) against the
/// target for its audience (site.yml 'reading_grade', default 8 for Patient pages, the grade
/// usually recommended for patient information). A page above it gets a 'reading-grade' warning
/// with its figures, so editors see which pages to simplify and by how much.
/// </summary>
public sealed class CheckReadingGrade : PerDocumentModule
{
    /// <summary>Besides the page, only the targets, which are site settings (part of every key): in `serve` a page is measured again only when it changed, and its warning is reported again from the cache.</summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) => _ => "";

    protected override Document Process(Document page, BuildContext context)
    {
        var audience = page.Meta.Audience ?? context.Config.Audience;
        if (!context.Config.ReadingGrades.TryGetValue(audience, out var target) || ReadingGrade.Of(page.Content) is not { } measure || measure.Grade <= target)
            return page;
        context.Diagnostics.Report(CheckRule.ReadingGrade, page.SourcePath, 1, 1, string.Create(CultureInfo.InvariantCulture,
            $"reading grade {measure.Grade:0.0} (Flesch-Kincaid; {measure.Words} words in {measure.Sentences} sentences, {(double)measure.Syllables / measure.Words:0.00} syllables a word) " +
            $"is above {target}, the target for {audience} pages; use shorter sentences and everyday words, or move technical detail into a '::: for-clinicians' block, which the measure skips."));
        return page;
    }
}
