using System.Collections.Concurrent;
using System.Diagnostics;
using SiteGen.Serve;

namespace SiteGen.Tests.Serve;

/// <summary>
/// When `serve` rebuilds after an edit: at once, shown only when the files have settled, and built
/// again (never shown) when a save was caught halfway.
/// </summary>
public sealed class SiteWatcherTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sitegen-watch-").FullName;

    /// <summary>What each call of the rebuild saw: when it began and ended, after the write, and whether it showed.</summary>
    private sealed record Call(TimeSpan Began, TimeSpan Ended, bool Shown);

    [Fact]
    public void The_rebuild_starts_at_the_change_and_is_shown_once_the_quiet_period_has_passed()
    {
        var quiet = TimeSpan.FromMilliseconds(1500);
        var calls = new BlockingCollection<Call>();
        var clock = new Stopwatch();
        using var watcher = new SiteWatcher([_folder], quiet, settled =>
        {
            var began = clock.Elapsed;
            var shown = settled();
            calls.Add(new Call(began, clock.Elapsed, shown));
            return shown;
        });

        clock.Start();
        File.WriteAllText(Path.Combine(_folder, "page.md"), "# Page\n");

        Assert.True(calls.TryTake(out var call, TimeSpan.FromSeconds(20)), "no rebuild after the edit");
        // Begun before the quiet period could have passed: it did not wait for it (a loaded machine may deliver the change late).
        Assert.True(call.Began < quiet, $"the rebuild began {call.Began.TotalMilliseconds:F0} ms after the write, not at once");
        // The write's events may reach the watcher after the rebuild began (a busy machine): that
        // rebuild is then not shown and the next one is.
        while (!call.Shown) Assert.True(calls.TryTake(out call, TimeSpan.FromSeconds(20)), "the edit was never shown");
        Assert.True(call.Ended >= quiet, $"shown {call.Ended.TotalMilliseconds:F0} ms after the write, before the files had been quiet for {quiet.TotalMilliseconds} ms");
        Assert.False(calls.TryTake(out _, TimeSpan.FromMilliseconds(500)), "one edit, one rebuild shown, nothing after it");
    }

    [Fact]
    public void A_save_caught_halfway_is_built_again_after_the_quiet_period_and_shown_once()
    {
        var quiet = TimeSpan.FromMilliseconds(300);
        var page = Path.Combine(_folder, "page.md");
        var calls = new BlockingCollection<Call>();
        var clock = new Stopwatch();
        var secondWrite = TimeSpan.Zero;
        var rebuilds = 0;
        using var watcher = new SiteWatcher([_folder], quiet, settled =>
        {
            var began = clock.Elapsed;
            // The first rebuild, counted here: the test takes calls out as they come, so their count may be 0 again.
            if (Interlocked.Increment(ref rebuilds) == 1)
            {
                // The second half of the save lands while the first rebuild is being made. Its
                // change can reach the watcher before the write returns, so the quiet period is
                // counted from the moment the write began.
                secondWrite = clock.Elapsed;
                File.AppendAllText(page, "The rest of the page.\n");
            }
            var shown = settled();
            calls.Add(new Call(began, clock.Elapsed, shown));
            return shown;
        });

        clock.Start();
        File.WriteAllText(page, "# Page\n");

        Assert.True(calls.TryTake(out var first, TimeSpan.FromSeconds(20)), "no rebuild after the edit");
        Assert.False(first.Shown, "a rebuild made while the file changed was shown");
        Assert.True(calls.TryTake(out var second, TimeSpan.FromSeconds(20)), "not built again after the save was caught halfway");
        // A busy machine may hand the watcher a write's events after the next rebuild began: that
        // rebuild is then not shown either, and the one after it is. Each waited for the quiet period.
        while (true)
        {
            Assert.True(second.Began - secondWrite >= quiet, $"built again {(second.Began - secondWrite).TotalMilliseconds:F0} ms after the second write, before the files had been quiet for {quiet.TotalMilliseconds} ms");
            if (second.Shown) break;
            Assert.True(calls.TryTake(out second, TimeSpan.FromSeconds(20)), "the save was never shown");
        }
        Assert.False(calls.TryTake(out _, TimeSpan.FromMilliseconds(800)), "one save, one rebuild shown, nothing after it");
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
