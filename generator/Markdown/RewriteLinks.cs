using Markdig.Syntax;

namespace SiteGen.Markdown;

/// <summary>
/// Markdown tree step: links to other pages' .md files become the published pages' relative
/// URLs; a missing page or image, or a link out of input/, is reported at its line and column
/// (<see cref="LinkRewriter"/>). The page keeps the links it wrote, for the checks.
/// </summary>
public sealed class RewriteLinks : IMarkdownTreeStep
{
    private LinkRewriter _links = new([]);

    public void Begin(IReadOnlyList<Document> documents, BuildContext context) => _links = new LinkRewriter(documents);

    /// <summary>Every page's URL: a link is rewritten to it.</summary>
    public string? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) => PageUrls(documents);

    /// <summary>The digest of every document's source path and URL: what links are rewritten from.</summary>
    public static string PageUrls(IReadOnlyList<Document> documents) =>
        BuildCache.Digest(string.Join("\n", documents.Select(d => d.SourcePath + "=" + d.OutputPath)));

    public Document Apply(MarkdownDocument tree, Document page, BuildContext context) =>
        page with { Links = _links.Rewrite(tree, page, context.Diagnostics) };
}
