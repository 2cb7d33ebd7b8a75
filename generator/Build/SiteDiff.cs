namespace SiteGen.Build;

/// <summary>A page whose text changed between two builds: the sentences gone and come, and the works no longer or newly cited.</summary>
public sealed record ChangedPage(string Path, string Title, IReadOnlyList<string> Removed, IReadOnlyList<string> Added, IReadOnlyList<string> CitationsRemoved, IReadOnlyList<string> CitationsAdded);

/// <summary>A page that is in one build only.</summary>
public sealed record ListedPage(string Path, string Title);

/// <summary>What changed for readers between two builds of a site.</summary>
public sealed record SiteDiffResult(IReadOnlyList<ListedPage> Added, IReadOnlyList<ListedPage> Removed, IReadOnlyList<ChangedPage> Changed)
{
    public bool IsEmpty => Added.Count + Removed.Count + Changed.Count == 0;
}

/// <summary>
/// `sitegen diff`: compares two built sites page by page (their HTML, so it sees what readers
/// see): pages added and removed, and for each changed page the sentences removed and added, in
/// order, and the citations removed and added. Layout, navigation and the reference lists' own
/// numbering are not changes.
/// </summary>
public static class SiteDiff
{
    public static SiteDiffResult Compare(string oldOutput, string newOutput)
    {
        var before = Pages(oldOutput);
        var after = Pages(newOutput);
        var added = after.Keys.Except(before.Keys).Order(StringComparer.Ordinal).Select(p => new ListedPage(p, after[p].Title)).ToList();
        var removed = before.Keys.Except(after.Keys).Order(StringComparer.Ordinal).Select(p => new ListedPage(p, before[p].Title)).ToList();
        var changed = new List<ChangedPage>();
        foreach (var path in before.Keys.Intersect(after.Keys).Order(StringComparer.Ordinal))
        {
            var (old, current) = (before[path], after[path]);
            var (gone, come) = SentenceChanges(old.Sentences, current.Sentences);
            var citationsRemoved = old.Citations.Except(current.Citations).ToList();
            var citationsAdded = current.Citations.Except(old.Citations).ToList();
            if (gone.Count + come.Count + citationsRemoved.Count + citationsAdded.Count > 0 || old.Title != current.Title)
                changed.Add(new ChangedPage(path, current.Title, old.Title == current.Title ? gone : [$"# {old.Title}", .. gone],
                    old.Title == current.Title ? come : [$"# {current.Title}", .. come], citationsRemoved, citationsAdded));
        }
        return new SiteDiffResult(added, removed, changed);
    }

    /// <summary>Every page of a built site that has a page body, by its path.</summary>
    private static Dictionary<string, PageText> Pages(string output)
    {
        var pages = new Dictionary<string, PageText>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories))
            if (PageText.Read(File.ReadAllText(file)) is { } text)
                pages[Path.GetRelativePath(output, file).Replace('\\', '/')] = text;
        return pages;
    }

    /// <summary>The sentences only the old list has and those only the new has, in order (a longest common subsequence).</summary>
    public static (List<string> Removed, List<string> Added) SentenceChanges(IReadOnlyList<string> old, IReadOnlyList<string> current)
    {
        // Sentences both keep at the start and end need no table: a page edit is usually small.
        var start = 0;
        while (start < old.Count && start < current.Count && old[start] == current[start]) start++;
        var endOld = old.Count;
        var endNew = current.Count;
        while (endOld > start && endNew > start && old[endOld - 1] == current[endNew - 1]) { endOld--; endNew--; }
        var a = old.Skip(start).Take(endOld - start).ToList();
        var b = current.Skip(start).Take(endNew - start).ToList();
        if ((long)a.Count * b.Count > 4_000_000) // a rewritten long page: what is gone and what is new, without the order
            return ([.. a.Except(b)], [.. b.Except(a)]);
        var lengths = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lengths[i, j] = a[i] == b[j] ? lengths[i + 1, j + 1] + 1 : Math.Max(lengths[i + 1, j], lengths[i, j + 1]);
        var removed = new List<string>();
        var added = new List<string>();
        int x = 0, y = 0;
        while (x < a.Count && y < b.Count)
        {
            if (a[x] == b[y]) { x++; y++; }
            else if (lengths[x + 1, y] >= lengths[x, y + 1]) removed.Add(a[x++]);
            else added.Add(b[y++]);
        }
        removed.AddRange(a.Skip(x));
        added.AddRange(b.Skip(y));
        return (removed, added);
    }
}
