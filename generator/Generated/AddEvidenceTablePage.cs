using SiteGen.Citations;
using SiteGen.Engine;

namespace SiteGen.Generated;

/// <summary>
/// Process: evidence-table.html lists every study in the citations file that declares a design,
/// strongest designs first: design, n, population, comparator and main finding, all taken from
/// the entries' notes, so the table and the pages can never disagree.
/// </summary>
public sealed class AddEvidenceTablePage : IModule
{
    public const string OutputPath = "evidence-table.html";

    /// <summary>The theme's markup for the table; its model is a list of <see cref="EvidenceRow"/>.</summary>
    public const string Partial = "partials/evidence-table.liquid";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var studies = context.Citations.All.Where(r => r.Evidence.Design is not null)
            .OrderBy(r => r.Evidence.Design!.Rank).ThenBy(r => r.SortKey, StringComparer.Ordinal).ToList();
        if (studies.Count == 0) return documents;

        if (context.Templates is not { } templates) return documents;
        var rows = studies.Select(study => new EvidenceRow(
            $"{AddReferencesPage.OutputPath}#{CitationResolver.EntryId(study.Id)}", $"{AuthorLabel.For(study)} ({AuthorLabel.Year(study)})",
            study.Evidence.Design!.Name, study.Evidence.N?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            Blank(study.Evidence.Population), Blank(study.Evidence.Comparator), Blank(study.Evidence.Finding))).ToList();
        return [.. documents, new Document
        {
            SourcePath = "", OutputPath = OutputPath, Kind = DocumentKind.GeneratedPage, Listed = true,
            Title = templates.Text("evidence_table_title"), Content = templates.Render(Partial, ("studies", rows)),
            Order = 899, // after the content pages, before the references
        }];
    }

    /// <summary>Nothing to show: the partial prints a dash.</summary>
    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
