namespace SiteGen.Serve;

/// <summary>
/// Watches the input and theme folders and calls back once things have been quiet for a moment,
/// so an editor saving several files (or one file in several writes) causes one rebuild.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Timer _timer;
    private readonly TimeSpan _quiet;

    public SiteWatcher(IEnumerable<string> folders, TimeSpan quiet, Action changed)
    {
        _quiet = quiet;
        _timer = new Timer(_ => changed(), null, Timeout.Infinite, Timeout.Infinite);
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = true, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += OnChange;
            watcher.Created += OnChange;
            watcher.Deleted += OnChange;
            watcher.Renamed += (_, e) => OnChange(null, e);
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    private void OnChange(object? sender, FileSystemEventArgs e)
    {
        // Editors' swap and backup files are not content.
        var name = Path.GetFileName(e.FullPath);
        if (name.StartsWith(".#", StringComparison.Ordinal) || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal)) return;
        _timer.Change(_quiet, Timeout.InfiniteTimeSpan); // every change restarts the quiet period
    }

    public void Dispose()
    {
        foreach (var watcher in _watchers) watcher.Dispose();
        _timer.Dispose();
    }
}
