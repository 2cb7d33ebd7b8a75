using Markdig.Syntax;

namespace SiteGen.Citations;

/// <summary>
/// Markdown tree step: numbers the works a page cites in order of first use and reports unknown
/// keys at their line (<see cref="CitationResolver"/>).
/// </summary>
public sealed class ResolveCitations : IMarkdownTreeStep
{
    /// <summary>The citations file (a key resolves against it) and the theme's strings (the previews' words).</summary>
    public string? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) =>
        BuildCache.Digest(BuildCache.InputFiles(context), context.Templates?.Digest);

    public Document Apply(MarkdownDocument tree, Document page, BuildContext context) =>
        page with { Citations = CitationResolver.Resolve(tree, page, context) };
}
