namespace SiteGen.Engine;

/// <summary>A link in navigation: the target's output path and its title.</summary>
public sealed record NavLink(string OutputPath, string Title);

/// <summary>One entry of the sidebar: a page, or a section (a folder) with its pages and subsections.</summary>
public sealed record NavItem(NavLink Link, IReadOnlyList<NavItem> Children)
{
    /// <summary>True when this entry is the page at <paramref name="outputPath"/> or contains it.</summary>
    public bool Contains(string outputPath) => Link.OutputPath == outputPath || Children.Any(c => c.Contains(outputPath));
}

/// <summary>What a page needs to draw its navigation: the whole tree, its crumbs and its neighbours.</summary>
public sealed record PageNavigation(
    IReadOnlyList<NavItem> Tree,
    IReadOnlyList<NavLink> Breadcrumbs,
    NavLink? Previous,
    NavLink? Next);
