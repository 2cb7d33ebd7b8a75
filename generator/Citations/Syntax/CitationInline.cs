using Markdig.Syntax.Inlines;

namespace SiteGen.Citations.Syntax;

/// <summary>One cited work inside a citation: "[see @key, p. 33]" has prefix "see", key, and locator "p. 33".</summary>
public sealed record CitationItem(string Key, string Prefix, string Locator);

/// <summary>
/// A Pandoc-style citation in the Markdown tree: bracketed ("[@a; @b]") or narrative ("@a").
/// The parser fills in what was written; <see cref="CitationResolver"/> then attaches what to show.
/// </summary>
public sealed class CitationInline : LeafInline
{
    public required IReadOnlyList<CitationItem> Items { get; init; }
    public required bool IsNarrative { get; init; }

    /// <summary>The text as written, shown unchanged if the citation cannot be resolved.</summary>
    public required string Source { get; init; }

    /// <summary>One entry per item once resolved; null while unresolved.</summary>
    public IReadOnlyList<ResolvedCitation>? Resolved { get; set; }

    /// <summary>How the resolved items are printed.</summary>
    public CitationStyle Style { get; set; }
}

/// <summary>What the renderer prints for one item: its label, link target, marker id and preview, and the notices about the work (a retraction...).</summary>
public sealed record ResolvedCitation(CitationItem Item, string Label, string Href, string MarkerId, string Preview)
{
    public IReadOnlyList<Engine.NoticeLabel> Notices { get; init; } = [];
}
