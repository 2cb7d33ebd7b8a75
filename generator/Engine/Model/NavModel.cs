namespace SiteGen.Engine;

/// <summary>
/// The layout's <c>nav</c>: the page's way through the site, read in snake_case (README, "Theme").
/// Its <c>tree</c>, the sidebar's entries with the page marked, is made only if the layout reads
/// it: the default theme prints <c>nav.sidebar</c>, rendered once for many pages, and a tree made
/// for every page anyway cost 10 KB a page (100 MB of a 10,000-page build's allocations).
/// </summary>
public sealed class NavModel(Func<List<Dictionary<string, object?>>> tree)
{
    private List<Dictionary<string, object?>>? _tree;

    public List<Dictionary<string, object?>> Tree => _tree ??= tree();

    public required List<Dictionary<string, object?>> Breadcrumbs { get; init; }

    public Dictionary<string, object?>? Previous { get; init; }

    public Dictionary<string, object?>? Next { get; init; }

    /// <summary>The rendered sidebar (partials/sidebar.liquid), printed with <c>| raw</c>.</summary>
    public string Sidebar { get; set; } = "";
}
