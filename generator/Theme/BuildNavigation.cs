using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// Post-process: with every title known, builds the sidebar tree (top-level pages and sections in
/// order), the reading order for previous/next links, and each page's breadcrumbs.
/// </summary>
public sealed class BuildNavigation : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var pages = documents.Where(d => d.Listed).ToList();
        var tree = BuildTree(pages);
        var readingOrder = tree.SelectMany(item => item.Children.Prepend(item.Link)).ToList();
        var home = readingOrder.FirstOrDefault(l => l.OutputPath == "index.html");
        var sectionOf = tree.SelectMany(item => item.Children.Select(child => (child.OutputPath, item.Link)))
            .ToDictionary(p => p.OutputPath, p => p.Link, StringComparer.Ordinal);

        return documents.Select(document =>
        {
            if (!document.IsHtmlPage) return document;
            var self = new NavLink(document.OutputPath, NavTitle(document));
            var index = readingOrder.FindIndex(l => l.OutputPath == document.OutputPath);
            var crumbs = new List<NavLink>();
            if (home is not null && document.OutputPath != home.OutputPath) crumbs.Add(home);
            if (sectionOf.TryGetValue(document.OutputPath, out var section)) crumbs.Add(section);
            crumbs.Add(self);
            return document with
            {
                Navigation = new PageNavigation(tree, crumbs,
                    index > 0 ? readingOrder[index - 1] : null,
                    index >= 0 && index < readingOrder.Count - 1 ? readingOrder[index + 1] : null),
            };
        }).ToList();
    }

    private static List<NavItem> BuildTree(List<Document> pages)
    {
        var entries = new List<(int Order, string Key, NavItem Item)>();
        foreach (var page in pages.Where(p => p.Section.Folder.Length == 0))
            entries.Add((page.Section.PageOrder, page.OutputPath, new NavItem(Link(page), [])));

        foreach (var folder in pages.Where(p => p.Section.Folder.Length > 0).GroupBy(p => p.Section.Folder))
        {
            var ordered = folder.Where(p => !p.Section.IsSectionIndex).OrderBy(PageSortKey).ThenBy(p => p.OutputPath, StringComparer.Ordinal).ToList();
            var index = folder.FirstOrDefault(p => p.Section.IsSectionIndex) ?? ordered.First();
            var children = ordered.Where(p => p != index).Select(Link).ToList();
            entries.Add((folder.First().Section.FolderOrder, folder.Key, new NavItem(Link(index), children)));
        }
        return entries.OrderBy(e => e.Order).ThenBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Item).ToList();
    }

    private static int PageSortKey(Document page) => page.Section.PageOrder;

    private static NavLink Link(Document page) => new(page.OutputPath, NavTitle(page));

    private static string NavTitle(Document page) => page.Meta.NavTitle ?? page.Title;
}
