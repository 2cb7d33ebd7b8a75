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
        var words = templates.Words;
        EvidenceRow Row(Reference study) => new(
            $"{AddReferencesPage.OutputPath}#{CitationResolver.EntryId(study.Id)}", $"{AuthorLabel.For(study)} ({AuthorLabel.Year(study)})",
            study.Evidence.Design!.Name, study.Evidence.N?.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
            Blank(study.Evidence.Population), Blank(study.Evidence.Comparator), Blank(study.Evidence.Finding))
        {
            Condition = Blank(study.Evidence.Condition),
            FollowUp = Blank(study.Evidence.FollowUp),
            Certainty = study.Evidence.Certainty is { } c && EvidenceNote.CertaintyWords.Contains(c) ? words.Text("certainty_" + c.Replace(' ', '_')) : null,
            Notices = NoticeLabels.For(study, words),
        };
        // With a focus condition (site.yml 'evidence_focus'), its studies make the first table and the rest the second:
        // a trial in another condition is context, not evidence about the site's question.
        var focus = context.Config.EvidenceFocus;
        bool InFocus(Reference r) => focus is not null && r.Evidence.Design!.IsStudy && string.Equals(r.Evidence.Condition?.Trim(), focus, StringComparison.OrdinalIgnoreCase);
        List<EvidenceTableGroup> groups = focus is null
            ? [new EvidenceTableGroup(null, "studies", [.. studies.Select(Row)])]
            : [new EvidenceTableGroup(words.Format("evidence_table_focus", ("condition", focus)), "focus", [.. studies.Where(InFocus).Select(Row)]),
               new EvidenceTableGroup(words.Text("evidence_table_other"), "other", [.. studies.Where(r => !InFocus(r)).Select(Row)])];
        return [.. documents, new Document
        {
            SourcePath = "", OutputPath = OutputPath, Kind = DocumentKind.GeneratedPage, Listed = true,
            Title = templates.Text("evidence_table_title"),
            Content = templates.Render(Partial, ("groups", groups.Where(g => g.Studies.Count > 0).ToList()),
                // Every study at a glance, above the table; each mark links to its reference.
                ("map", EvidenceCharts.Map("evidence-map-all", studies, focus, words, r => $"{AddReferencesPage.OutputPath}#{CitationResolver.EntryId(r.Id)}"))),
            Order = 899, // after the content pages, before the references
        }];
    }

    /// <summary>Nothing to show: the partial prints a dash.</summary>
    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
