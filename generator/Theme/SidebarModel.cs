using System.Collections.Concurrent;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// The sidebar as the layout sees it. Only sections on the way to the current page list their
/// entries: every page carrying every link would make the site grow with the square of its size.
/// Pages in one folder see the same relative URLs and the same open sections, so their entries
/// are made once per folder and shared (they are only read); each page then gets its own copy of
/// just the entries on its path, with itself marked current. On a 10,000-page site this turns
/// millions of URL computations into thousands.
/// </summary>
public sealed class SidebarModel
{
    private readonly IReadOnlyList<NavItem> _tree;
    private readonly Dictionary<string, NavItem[]> _paths = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<Dictionary<string, object?>>> _shared = new(StringComparer.Ordinal);

    public SidebarModel(IReadOnlyList<NavItem> tree)
    {
        _tree = tree;
        Index(tree, []);
    }

    /// <summary>The entries the page at <paramref name="outputPath"/> shows.</summary>
    public List<Dictionary<string, object?>> For(string outputPath)
    {
        var path = _paths.GetValueOrDefault(outputPath) ?? [];
        var folder = outputPath[..(outputPath.LastIndexOf('/') + 1)];
        var key = folder + "\n" + string.Join("\n", path.Where(i => i.Children.Count > 0).Select(i => i.Link.OutputPath));
        var shared = _shared.GetOrAdd(key, _ => Items(folder + "index.html", _tree, path));
        return path.Length == 0 ? shared : MarkCurrent(shared, _tree, path, 0);
    }

    /// <summary>Each listed page's way down the tree: the entries above it, and its own.</summary>
    private void Index(IReadOnlyList<NavItem> items, NavItem[] above)
    {
        foreach (var item in items)
        {
            NavItem[] path = [.. above, item];
            _paths.TryAdd(item.Link.OutputPath, path);
            Index(item.Children, path);
        }
    }

    private static List<Dictionary<string, object?>> Items(string from, IReadOnlyList<NavItem> items, NavItem[] path) =>
        items.Select(item =>
        {
            var open = path.Contains(item);
            return new Dictionary<string, object?>
            {
                ["title"] = item.Link.Title,
                ["url"] = UrlPaths.Relative(from, item.Link.OutputPath),
                ["current"] = false,
                ["open"] = open,
                ["has_children"] = item.Children.Count > 0,
                ["children"] = open ? Items(from, item.Children, path) : new List<Dictionary<string, object?>>(),
            };
        }).ToList();

    /// <summary>A copy of the shared entries in which only those on the page's path are new.</summary>
    private static List<Dictionary<string, object?>> MarkCurrent(List<Dictionary<string, object?>> shared, IReadOnlyList<NavItem> items, NavItem[] path, int depth)
    {
        var at = -1;
        for (var i = 0; i < items.Count && at < 0; i++)
            if (ReferenceEquals(items[i], path[depth])) at = i;
        if (at < 0) return shared;
        var entry = new Dictionary<string, object?>(shared[at]);
        if (depth == path.Length - 1) entry["current"] = true;
        else entry["children"] = MarkCurrent((List<Dictionary<string, object?>>)entry["children"]!, items[at].Children, path, depth + 1);
        return [.. shared[..at], entry, .. shared[(at + 1)..]];
    }
}
