using System.Collections.Concurrent;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// The sidebar as the layout sees it. Only sections on the way to the current page list their
/// entries: every page carrying every link would make the site grow with the square of its size.
/// A list longer than the site's limit shows the block of entries that holds the page (blocks
/// of the limit's size, in order), with a link to the block before and the block after.
/// Pages in one folder and block see the same relative URLs and the same open sections, so
/// their entries are made once and shared (they are only read); each page then gets its own copy
/// of just the entries on its path, with itself marked current.
/// </summary>
public sealed class SidebarModel
{
    private readonly IReadOnlyList<NavItem> _tree;
    private readonly int _maxEntries;
    private readonly Words? _words;
    /// <summary>Each listed page's way down the tree (the entries above it and its own, with their places in their lists) and its <see cref="Key"/>.</summary>
    private readonly Dictionary<string, ((NavItem Item, int Position)[] Path, string Key)> _places = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, List<Dictionary<string, object?>>> _shared = new(StringComparer.Ordinal);

    /// <param name="words">The links to the blocks of a long list are named in these words (sidebar_earlier, sidebar_later).</param>
    public SidebarModel(IReadOnlyList<NavItem> tree, int maxEntries = 0, Words? words = null)
    {
        _tree = tree;
        _maxEntries = maxEntries;
        _words = words;
        Index(tree, []);
    }

    /// <summary>The entries the page at <paramref name="outputPath"/> shows.</summary>
    public List<Dictionary<string, object?>> For(string outputPath)
    {
        var shared = Shared(outputPath);
        var path = PathOf(outputPath);
        return path.Length == 0 ? shared : MarkCurrent(shared, path, 0);
    }

    /// <summary>
    /// The entries a page carries when its sidebar is served as a shared file: the top level and,
    /// below it, only the entries on the page's way down (the sidebar without script). Made from
    /// the entries pages with the same <see cref="Key"/> share: only the entries on the way down
    /// are new (a page's whole list made anew was the largest thing a 10,000-page layout
    /// allocated, 317 of its 1,659 MB).
    /// </summary>
    public List<Dictionary<string, object?>> Compact(string outputPath) => WayDown(Shared(outputPath), PathOf(outputPath), 0);

    /// <summary>
    /// The shared entries of one level with, below the top level, only the entry on the page's way
    /// down, which is open (and current at the page itself); the others are not open: the shared
    /// entries were made for the first page of the same <see cref="Key"/>, whose own entry may be.
    /// </summary>
    private static List<Dictionary<string, object?>> WayDown(List<Dictionary<string, object?>> shared, (NavItem Item, int Position)[] path, int depth)
    {
        var onPath = depth < path.Length ? path[depth].Item.Link.OutputPath : null;
        var at = onPath is null ? -1 : shared.FindIndex(e => (string)e["output_path"]! == onPath);
        var kept = new List<Dictionary<string, object?>>(depth == 0 ? shared.Count : 1);
        for (var i = 0; i < shared.Count; i++)
        {
            var entry = shared[i];
            if (i == at)
                kept.Add(new Dictionary<string, object?>(entry)
                {
                    ["current"] = depth == path.Length - 1,
                    ["open"] = true,
                    ["children"] = WayDown((List<Dictionary<string, object?>>)entry["children"]!, path, depth + 1),
                });
            else if (depth > 0) continue; // below the top level, only the way down
            else if (entry["open"] is true)
                kept.Add(new Dictionary<string, object?>(entry) { ["open"] = false, ["children"] = new List<Dictionary<string, object?>>() });
            else kept.Add(entry);
        }
        return kept;
    }

    /// <summary>The tree as lines of text (each entry's path, title and number of children), for the build cache's keys.</summary>
    private static List<string> TreeText(IReadOnlyList<NavItem> items)
    {
        var lines = new List<string>();
        AddLines(items, lines);
        return lines;
    }

    private static void AddLines(IReadOnlyList<NavItem> items, List<string> lines)
    {
        foreach (var item in items)
        {
            lines.Add(item.Link.OutputPath + "\t" + item.Link.Title + "\t" + item.Children.Count);
            AddLines(item.Children, lines);
        }
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<NavItem>, string> TreeDigests = new();

    /// <summary>
    /// The digest of <see cref="TreeText"/>, taken once per tree: the navigation's cache key, the
    /// layout's and the sidebar files' all ask for it, and in `serve` pages reused from the cache
    /// bring the same tree back.
    /// </summary>
    public static string TreeDigest(IReadOnlyList<NavItem> tree) => TreeDigests.GetValue(tree, t => DocumentDigest.OfValue(TreeText(t)));

    /// <summary>
    /// How many entries the page's sidebar shows, at every level: counted over the same blocks
    /// <see cref="Shared"/> lists, without making them (the sidebar files ask it of every folder,
    /// and the entries made only to be counted were garbage the collector stopped the build for).
    /// </summary>
    public int Count(string outputPath) => CountShown(_tree, PathOf(outputPath), 0);

    private int CountShown(IReadOnlyList<NavItem> items, (NavItem Item, int Position)[] path, int depth)
    {
        var onPath = OnPath(items, path, depth);
        var (first, end) = Shown(items, onPath);
        var count = end - first + (first > 0 ? 1 : 0) + (end < items.Count ? 1 : 0); // the entries, and the links to the blocks before and after
        return onPath.Item is null ? count : count + CountShown(onPath.Item.Children, path, depth + 1);
    }

    /// <summary>The entry of <paramref name="items"/> on the page's way down, if any.</summary>
    private static (NavItem Item, int Position) OnPath(IReadOnlyList<NavItem> items, (NavItem Item, int Position)[] path, int depth) =>
        depth < path.Length && ReferenceEquals(items.ElementAtOrDefault(path[depth].Position), path[depth].Item) ? path[depth] : default;

    /// <summary>Which of <paramref name="items"/> are listed: all, or in a list longer than the limit the block that holds the entry on the way down (else the first).</summary>
    private (int First, int End) Shown(IReadOnlyList<NavItem> items, (NavItem Item, int Position) onPath)
    {
        if (_maxEntries <= 0 || items.Count <= _maxEntries) return (0, items.Count);
        var first = Block(onPath.Item is null ? 0 : onPath.Position) * _maxEntries;
        return (first, Math.Min(items.Count, first + _maxEntries));
    }

    /// <summary>What pages with the same sidebar have in common: their folder, the sections open above them, and the blocks shown.</summary>
    public string Key(string outputPath) => _places.TryGetValue(outputPath, out var place) ? place.Key : KeyOf(outputPath, []);

    private string KeyOf(string outputPath, (NavItem Item, int Position)[] path) =>
        UrlPaths.Folder(outputPath) + "\n" + string.Join("\n", path.Select(step =>
            $"{(step.Item.Children.Count > 0 ? step.Item.Link.OutputPath : "")}@{Block(step.Position)}"));


    /// <summary>The entries as every page with the same <see cref="Key"/> sees them, none marked current.</summary>
    public List<Dictionary<string, object?>> Shared(string outputPath) =>
        _shared.GetOrAdd(Key(outputPath), _ => Items(UrlPaths.Folder(outputPath) + "index.html", _tree, PathOf(outputPath), 0));

    private (NavItem Item, int Position)[] PathOf(string outputPath) => _places.TryGetValue(outputPath, out var place) ? place.Path : [];

    private int Block(int position) => _maxEntries > 0 ? position / _maxEntries : 0;

    private void Index(IReadOnlyList<NavItem> items, (NavItem, int)[] above)
    {
        for (var i = 0; i < items.Count; i++)
        {
            (NavItem, int)[] path = [.. above, (items[i], i)];
            _places.TryAdd(items[i].Link.OutputPath, (path, KeyOf(items[i].Link.OutputPath, path)));
            Index(items[i].Children, path);
        }
    }

    private List<Dictionary<string, object?>> Items(string from, IReadOnlyList<NavItem> items, (NavItem Item, int Position)[] path, int depth)
    {
        var onPath = OnPath(items, path, depth);
        var (first, end) = Shown(items, onPath);
        var list = new List<Dictionary<string, object?>>(end - first + 2);
        if (first > 0) list.Add(More(from, items[first - _maxEntries], Block("sidebar_earlier", first - _maxEntries + 1, first, items.Count)));
        for (var i = first; i < end; i++)
        {
            var item = items[i];
            var open = onPath.Item is not null && i == onPath.Position;
            list.Add(new Dictionary<string, object?>
            {
                ["title"] = item.Link.Title,
                ["url"] = UrlPaths.Relative(from, item.Link.OutputPath),
                ["output_path"] = item.Link.OutputPath,
                ["current"] = false,
                ["open"] = open,
                ["has_children"] = item.Children.Count > 0,
                ["children"] = open ? Items(from, item.Children, path, depth + 1) : new List<Dictionary<string, object?>>(),
                ["more"] = false,
            });
        }
        if (end < items.Count) list.Add(More(from, items[end], Block("sidebar_later", end + 1, Math.Min(items.Count, end + _maxEntries), items.Count)));
        return list;
    }

    private string Block(string key, int first, int last, int total) =>
        (_words ?? Words.None).Format(key, ("first", first), ("last", last), ("total", total));

    /// <summary>A link to another block of a long list: to the first page of that block.</summary>
    private static Dictionary<string, object?> More(string from, NavItem target, string title) => new()
    {
        ["title"] = title,
        ["url"] = UrlPaths.Relative(from, target.Link.OutputPath),
        ["output_path"] = "",
        ["current"] = false,
        ["open"] = false,
        ["has_children"] = false,
        ["children"] = new List<Dictionary<string, object?>>(),
        ["more"] = true,
    };

    /// <summary>A copy of the shared entries in which only those on the page's path are new.</summary>
    private static List<Dictionary<string, object?>> MarkCurrent(List<Dictionary<string, object?>> shared, (NavItem Item, int Position)[] path, int depth)
    {
        var at = shared.FindIndex(e => (string)e["output_path"]! == path[depth].Item.Link.OutputPath);
        if (at < 0) return shared;
        var entry = new Dictionary<string, object?>(shared[at]);
        if (depth == path.Length - 1) entry["current"] = true;
        else entry["children"] = MarkCurrent((List<Dictionary<string, object?>>)entry["children"]!, path, depth + 1);
        return [.. shared[..at], entry, .. shared[(at + 1)..]];
    }
}
