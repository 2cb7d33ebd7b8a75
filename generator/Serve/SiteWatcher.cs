using System.Diagnostics;

namespace SiteGen.Serve;

/// <summary>
/// Watches the input and theme folders and rebuilds on a thread of its own when something
/// changes. The rebuild starts at the first change instead of after a quiet period, and its result
/// is shown only once the files have settled: nothing changed while it was made, and nothing for
/// <c>quiet</c> since the last change. A save made of several writes (truncate, then write) that a
/// rebuild caught halfway is built again and never shown, so an edit costs the rebuild or the
/// quiet period, whichever is longer, not the two one after the other. The rebuild waits 2 ms
/// without a change before it starts, which takes in most editors' saves whole (their writes come
/// within a millisecond) instead of building twice.
/// </summary>
public sealed class SiteWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    /// <summary>How long things must be still before a rebuild starts, and before it is shown.</summary>
    private readonly TimeSpan _gathering, _quiet;
    private readonly Func<Func<bool>, bool> _rebuild;
    private readonly SemaphoreSlim _changed = new(0, 1);
    private long _changes, _lastChange, _shownUpTo;
    private volatile bool _stopped;

    /// <param name="rebuild">
    /// Builds; before it shows what it built it asks the function it is given whether the files have
    /// settled since the build began, and shows it only if so. It returns whether it showed.
    /// </param>
    public SiteWatcher(IEnumerable<string> folders, TimeSpan quiet, Func<Func<bool>, bool> rebuild)
    {
        (_gathering, _quiet, _rebuild) = (TimeSpan.FromMilliseconds(Math.Min(2, quiet.TotalMilliseconds)), quiet, rebuild);
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
        new Thread(RebuildOnChange) { IsBackground = true, Name = "sitegen rebuild" }.Start();
    }

    private void OnChange(object? sender, FileSystemEventArgs e)
    {
        // Editors' swap and backup files are not content.
        var name = Path.GetFileName(e.FullPath);
        if (name.StartsWith(".#", StringComparison.Ordinal) || name.EndsWith('~') || name.EndsWith(".swp", StringComparison.Ordinal)) return;
        Volatile.Write(ref _lastChange, Stopwatch.GetTimestamp());
        Interlocked.Increment(ref _changes);
        Signal();
    }

    private void Signal()
    {
        try { _changed.Release(); }
        catch (SemaphoreFullException) { /* a rebuild is already asked for */ }
    }

    private void RebuildOnChange()
    {
        while (true)
        {
            _changed.Wait();
            if (_stopped) return;
            if (Interlocked.Read(ref _changes) == _shownUpTo) continue; // a change the last shown rebuild already had
            // Almost at once after a quiet spell; after a rebuild that was caught by a change, the
            // whole quiet period first, so files changing without pause are not rebuilt without pause.
            for (var caught = false; !_stopped; caught = true)
            {
                WaitForQuiet(caught ? _quiet : _gathering);
                var seen = Interlocked.Read(ref _changes);
                if (_rebuild(() => SettledSince(seen))) { _shownUpTo = seen; break; }
            }
        }
    }

    /// <summary>Waits out the rest of the quiet period; true when no change came since <paramref name="seen"/> changes.</summary>
    private bool SettledSince(long seen)
    {
        WaitForQuiet(_quiet);
        return Interlocked.Read(ref _changes) == seen;
    }

    private void WaitForQuiet(TimeSpan quiet)
    {
        while (!_stopped && Stopwatch.GetElapsedTime(Volatile.Read(ref _lastChange)) is var since && since < quiet)
            Thread.Sleep(quiet - since);
    }

    public void Dispose()
    {
        _stopped = true;
        foreach (var watcher in _watchers) watcher.Dispose();
        Signal();
    }
}
