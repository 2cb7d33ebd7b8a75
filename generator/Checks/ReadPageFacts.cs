using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// Post-process, streamed right after the layout: reads each built page once for the checks and
/// resolves its links, keeping only the facts (never the page), so the checks need no second pass
/// over the HTML and no page has to stay in memory until every page is built.
/// </summary>
public sealed class ReadPageFacts : PerDocumentModule
{
    private LinkResolver _links = new(new HashSet<string>());

    public override bool Begin(IReadOnlyList<Document> documents, BuildContext context)
    {
        _links = new LinkResolver(documents.Where(d => d.OutputPath.Length > 0).Select(d => d.OutputPath).ToHashSet(StringComparer.Ordinal));
        return true;
    }

    /// <summary>
    /// A page's facts also depend on which files are published (its links' targets). The search
    /// index's data files are left out: pages never link to them (only to search/index.js), and
    /// the set changes with almost every edit, which would lay out every page again.
    /// </summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context)
    {
        var published = BuildCache.Digest(string.Join("\n", documents
            .Where(d => d.OutputPath.Length > 0 && !Search.WriteSearchIndex.IsDataFile(d.OutputPath))
            .Select(d => d.OutputPath)));
        return _ => published;
    }

    // Pages the layout could not produce (a theme error, reported already) are not checked again.
    protected override bool ShouldProcess(Document document) =>
        document.IsHtmlPage && document.Content.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase);

    protected override Document Process(Document document, BuildContext context)
    {
        var facts = PageFactsReader.Read(document.Content);
        return document with { Facts = facts with { Links = CheckLinks.Resolve(facts.Links, document.OutputPath, facts.Ids, _links) } };
    }
}
