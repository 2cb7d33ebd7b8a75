using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// Post-process: with every title known, builds the sidebar tree - every folder is a section
/// whose index page heads its pages and subsections, each level in order (front matter 'order',
/// else the number prefix, else the name) - the reading order for previous/next links, and
/// each page's breadcrumbs.
/// </summary>
public sealed class BuildNavigation : PerDocumentModule
{
    /// <summary>What every page's navigation is made from; never changed once made.</summary>
    private sealed record SiteNavigation(IReadOnlyList<NavItem> Tree, List<NavLink> ReadingOrder, Dictionary<string, List<NavLink>> CrumbsOf,
        Dictionary<string, int> Position, NavLink? Home);

    private SiteNavigation _site = new([], [], [], [], null);

    /// <summary>
    /// The tree, the reading order and the sections above each entry, from every listed page. In
    /// `serve` they are made again only when a listed page's place, order or name changed: an edit
    /// to a page's text keeps the tree (and the same tree object, which the layout's sidebar reuses).
    /// </summary>
    public override bool Begin(IReadOnlyList<Document> documents, BuildContext context)
    {
        var pages = documents.Where(d => d.Listed).ToList();
        _site = BuildCache.Remember(context, nameof(BuildNavigation),
            () => BuildCache.Digest([.. pages.SelectMany(p => new[] { p.SourcePath, p.OutputPath, p.Kind.ToString(), p.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), NavTitle(p) })]),
            () => Make(pages));
        return true;
    }

    private static SiteNavigation Make(List<Document> pages)
    {
        var tree = BuildLevel(pages.Select(p => (Page: p, Segments: SegmentsOf(p))).ToList(), depth: 0);
        var readingOrder = new List<NavLink>();
        var crumbsOf = new Dictionary<string, List<NavLink>>(StringComparer.Ordinal);
        Walk(tree, [], readingOrder, crumbsOf);
        var position = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = readingOrder.Count - 1; i >= 0; i--) position[readingOrder[i].OutputPath] = i; // the first, as FindIndex gave
        return new SiteNavigation(tree, readingOrder, crumbsOf, position, readingOrder.FirstOrDefault(l => l.OutputPath == "index.html"));
    }

    /// <summary>
    /// A page's navigation is made from the tree (every entry's URL, title and place, from which
    /// the reading order and the crumbs follow) and the page itself.
    /// </summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context)
    {
        var tree = SidebarModel.TreeDigest(_site.Tree);
        return _ => tree;
    }

    protected override bool ShouldProcess(Document document) => document.IsHtmlPage;

    protected override Document Process(Document document, BuildContext context)
    {
        var (tree, readingOrder, crumbsOf, position, home) = _site;
        var index = position.GetValueOrDefault(document.OutputPath, -1);
        var crumbs = new List<NavLink>();
        if (home is not null && document.OutputPath != home.OutputPath) crumbs.Add(home);
        if (crumbsOf.TryGetValue(document.OutputPath, out var path)) crumbs.AddRange(path.Where(c => c.OutputPath != document.OutputPath));
        crumbs.Add(new NavLink(document.OutputPath, NavTitle(document)));
        return document with
        {
            Navigation = new PageNavigation(tree, crumbs,
                index > 0 ? readingOrder[index - 1] : null,
                index >= 0 && index < readingOrder.Count - 1 ? readingOrder[index + 1] : null),
        };
    }

    /// <summary>The folders a page sits in, as written (with number prefixes); generated pages sit at the root.</summary>
    private static string[] SegmentsOf(Document page) =>
        page.SourcePath.Length == 0 ? [] : page.SourcePath.Split('/')[..^1];

    /// <summary>The entries of one folder level: its own pages, then one section per subfolder, in order.</summary>
    private static List<NavItem> BuildLevel(List<(Document Page, string[] Segments)> pages, int depth)
    {
        // The site's own pages first, then the pages the build makes (what's new, glossary, references...), each in order.
        var entries = new List<(bool Generated, int Order, string Key, NavItem Item)>();
        foreach (var (page, _) in pages.Where(p => p.Segments.Length == depth))
            entries.Add((page.Kind == DocumentKind.GeneratedPage, page.Order, page.OutputPath, new NavItem(Link(page), [])));
        foreach (var folder in pages.Where(p => p.Segments.Length > depth).GroupBy(p => p.Segments[depth], StringComparer.Ordinal))
        {
            var members = folder.ToList();
            var index = members.FirstOrDefault(m => m.Segments.Length == depth + 1 &&
                Path.GetFileName(m.Page.OutputPath).Equals("index.html", StringComparison.OrdinalIgnoreCase));
            var children = BuildLevel(members.Where(m => m.Page != index.Page).ToList(), depth + 1);
            var head = index.Page is not null ? new NavItem(Link(index.Page), children)
                : children.Count > 0 ? children[0] with { Children = [.. children[0].Children, .. children.Skip(1)] }
                : null;
            if (head is null) continue;
            var order = AssignUrls.NumberPrefix(folder.Key) ?? int.MaxValue;
            entries.Add((false, order, folder.Key, head));
        }
        return entries.OrderBy(e => e.Generated).ThenBy(e => e.Order).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Item).ToList();
    }

    /// <summary>Depth-first: the reading order for previous/next, and the sections above each page.</summary>
    private static void Walk(IReadOnlyList<NavItem> items, List<NavLink> above, List<NavLink> order, Dictionary<string, List<NavLink>> crumbs)
    {
        foreach (var item in items)
        {
            order.Add(item.Link);
            crumbs[item.Link.OutputPath] = [.. above];
            if (item.Children.Count > 0) Walk(item.Children, [.. above, item.Link], order, crumbs);
        }
    }

    private static NavLink Link(Document page) => new(page.OutputPath, NavTitle(page));

    private static string NavTitle(Document page) => page.Meta.NavTitle ?? page.Title;
}
