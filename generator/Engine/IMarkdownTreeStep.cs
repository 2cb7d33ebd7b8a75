using Markdig.Syntax;

namespace SiteGen.Engine;

/// <summary>
/// A step on one page's Markdown tree, run by RenderMarkdown between parsing and writing HTML,
/// in the order the recipe lists them: every node still knows its line and column there. A step
/// returns the page with the facts it found (links, citations); a check returns it unchanged.
/// </summary>
public interface IMarkdownTreeStep
{
    /// <summary>Once per build, with every document in view (for example every page's URL).</summary>
    void Begin(IReadOnlyList<Document> documents, BuildContext context) { }

    /// <summary>What the step reads besides the page (after <see cref="Begin"/>), for the build cache; null when that cannot be named.</summary>
    string? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) => "";

    Document Apply(MarkdownDocument tree, Document page, BuildContext context);
}
