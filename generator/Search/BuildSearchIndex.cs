using SiteGen.Engine;

namespace SiteGen.Search;

/// <summary>
/// Post-process: indexes what the reader sees in every listed page's main content, one entry
/// per section, and adds the index files to the output.
/// </summary>
public sealed class BuildSearchIndex : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var listed = documents.Where(d => d.Listed && d.IsHtmlPage).OrderBy(d => d.OutputPath, StringComparer.Ordinal).ToList();
        var pages = new SearchPage[listed.Count];
        Parallel.For(0, listed.Count, context.Parallelism, i =>
        {
            var page = listed[i];
            pages[i] = new SearchPage(page.OutputPath, page.Title, page.Meta.Description ?? "", ReadSearchSections.Read(page.Content, page.Title));
        });
        var index = SearchIndexBuilder.Build(pages);
        return [.. documents, .. WriteSearchIndex.Files(index)];
    }
}
