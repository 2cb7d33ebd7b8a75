using SiteGen.Citations;
using SiteGen.Engine;

namespace SiteGen.Generated;

/// <summary>
/// Process: references.html lists every entry of the citations file once, sorted by first
/// author, with its design and size and links to every page that cites it.
/// </summary>
public sealed class AddReferencesPage : IModule
{
    public const string OutputPath = "references.html";

    /// <summary>The theme's markup for the page; its model is a list of <see cref="SiteReference"/>.</summary>
    public const string Partial = "partials/references-page.liquid";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        if (context.Citations.Ids.Count == 0) return documents;
        var citedBy = CitingPages(documents);
        if (context.Templates is not { } templates) return documents;
        Document Make()
        {
            var entries = context.Citations.All.Select(reference => new SiteReference(
                CitationResolver.EntryId(reference.Id), FormatReference.Html(reference, templates.Words), EvidenceBadge(reference),
                [.. citedBy.GetValueOrDefault(reference.Id, []).Select(p =>
                    new PageListEntry($"{UrlPaths.Relative(OutputPath, p.OutputPath)}#{CitationResolver.EntryId(reference.Id)}", p.Title, null))])
                { Notices = NoticeLabels.For(reference, templates.Words) }).ToList();
            return new Document
            {
                SourcePath = "", OutputPath = OutputPath, Kind = DocumentKind.GeneratedPage, Listed = true,
                Title = templates.Text("references"), Content = templates.Render(Partial, ("references", entries)),
                Order = 900, // after the content pages
            };
        }
        // In `serve` it is made again only when the citations, the theme, the settings or which
        // pages cite what change: most edits to a page's text change none of them.
        var page = BuildCache.Remember(context, nameof(AddReferencesPage), () => BuildCache.Digest(templates.Digest, BuildCache.InputFiles(context),
            string.Join("\n", citedBy.Select(cited => cited.Key + "\t" + string.Join("\t", cited.Value.Select(p => p.OutputPath + "\u001f" + p.Title))))), Make);
        return [.. documents, page];
    }

    /// <summary>"pilot RCT · n = 22": what kind of evidence an entry is, when the file says.</summary>
    public static string? EvidenceBadge(Reference reference)
    {
        var design = reference.Evidence.Design?.Name;
        var n = reference.Evidence.N;
        return design is null ? null : n is null ? design : $"{design} · n = {n}";
    }

    /// <summary>For each citation key, the pages that cite it, in site order.</summary>
    public static Dictionary<string, List<Document>> CitingPages(IEnumerable<Document> documents)
    {
        var result = new Dictionary<string, List<Document>>(StringComparer.Ordinal);
        foreach (var page in documents.Where(d => d.Kind == DocumentKind.Page).OrderBy(d => d.OutputPath, StringComparer.Ordinal))
            foreach (var citation in page.Citations)
            {
                if (!result.TryGetValue(citation.Key, out var pages)) result[citation.Key] = pages = [];
                pages.Add(page);
            }
        return result;
    }
}
