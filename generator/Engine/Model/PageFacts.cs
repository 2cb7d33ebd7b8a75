namespace SiteGen.Engine;

/// <summary>
/// A link or resource reference found in a built page. Once resolved, only links that need a
/// second look are kept: those with a <see cref="Problem"/>, and those pointing to a #fragment
/// on another page (<see cref="Target"/>), which is checked once every page's ids are known.
/// </summary>
public sealed record PageLink(string Element, string Url, string? Problem = null, string? Target = null, string? Fragment = null);

/// <summary>
/// What the checks need from one built page, read in a single pass over its HTML
/// (Checks/PageFactsReader), so the page is read once however many checks run. Nothing here
/// keeps the page's text.
/// </summary>
public sealed record PageFacts(
    IReadOnlySet<string> Ids,
    IReadOnlyList<string> DuplicateIds,
    IReadOnlyList<PageLink> Links,
    IReadOnlyList<string> ImagesWithoutAlt,
    IReadOnlyList<string> EmptyLinks,
    int CalloutCount,
    bool CalloutHasHeading,
    bool CalloutBeforeContent,
    int H1Count);
