namespace SiteGen.Engine;

/// <summary>A link in navigation: the target's output path and its title.</summary>
public sealed record NavLink(string OutputPath, string Title);

/// <summary>One entry of the sidebar: a page, or a section with its pages.</summary>
public sealed record NavItem(NavLink Link, IReadOnlyList<NavLink> Children);

/// <summary>What a page needs to draw its navigation: the whole tree, its crumbs and its neighbours.</summary>
public sealed record PageNavigation(
    IReadOnlyList<NavItem> Tree,
    IReadOnlyList<NavLink> Breadcrumbs,
    NavLink? Previous,
    NavLink? Next);
