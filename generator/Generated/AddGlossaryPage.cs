using SiteGen.Citations;
using SiteGen.Markdown;

namespace SiteGen.Generated;

/// <summary>
/// Gather: glossary.html, every term of input/_data/glossary.yml in alphabetical order with its
/// other names, its plain definition and a link to its source on the references page. The terms
/// on pages link here (<see cref="MarkGlossaryTerms"/>). A source the glossary cites counts as cited.
/// </summary>
public sealed class AddGlossaryPage : IModule
{
    /// <summary>The theme's markup for the page; its model is a list of <see cref="GlossaryPageEntry"/>.</summary>
    public const string Partial = "partials/glossary-page.liquid";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        if (context.Glossary.Entries.Count == 0 || context.Templates is not { } templates) return documents;
        var entries = context.Glossary.Entries.Select(e =>
        {
            var source = e.Cite is { } key ? context.Citations.Find(key) : null;
            return new GlossaryPageEntry(e.Id, e.Term, e.Aliases, e.Definition,
                source is null ? null : $"{AddReferencesPage.OutputPath}#{CitationResolver.EntryId(source.Id)}",
                source is null ? null : $"{AuthorLabel.For(source)} ({AuthorLabel.Year(source)})");
        }).ToList();
        var cited = context.Glossary.Entries.Select(e => e.Cite).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select((key, i) => new PageCitation(key, i + 1, [])).ToList();
        return [.. documents, new Document
        {
            SourcePath = "", OutputPath = GlossaryPage.OutputPath, Kind = DocumentKind.GeneratedPage, Listed = true,
            Title = templates.Text("glossary_title"), Content = templates.Render(Partial, ("entries", entries)),
            Citations = cited,
            Order = 898, // after the content pages, before the evidence table and the references
        }];
    }
}
