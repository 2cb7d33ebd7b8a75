using SiteGen.Engine;

namespace SiteGen.Markdown;

/// <summary>
/// Render, last: each rendered page's HTML is kept as UTF-8 until its layout replaces it
/// (<see cref="Document.WithCompactContent"/>). Every page waits in memory from its rendering until
/// the navigation, the checks and the search index have seen all pages; as .NET text that is two
/// bytes a character, 2.3 GB at 100,000 pages, and half of it as UTF-8.
/// </summary>
public sealed class CompactRenderedPages : PerDocumentModule
{
    /// <summary>Reads nothing but the page.</summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) => _ => "";

    protected override Document Process(Document document, BuildContext context) => document.WithCompactContent();
}
