namespace SiteGen.Search;

/// <summary>
/// One searchable unit: a heading of a page and the text under it, up to the next heading. The
/// text before the first heading is the page's introduction, found under the page title.
/// </summary>
public sealed record SearchSection(string Heading, string Anchor, string Text);

/// <summary>A page as the index sees it: where it is, its title and description, and its sections.</summary>
public sealed record SearchPage(string OutputPath, string Title, string Description, IReadOnlyList<SearchSection> Sections);
