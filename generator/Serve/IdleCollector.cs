using System.Runtime;

namespace SiteGen.Serve;

/// <summary>
/// Garbage collection for `sitegen serve`, done while the author reads the page instead of in the
/// middle of the next rebuild. After a rebuild has pushed its reload, one full collection clears
/// what the two builds left, and memory for the next rebuild's allocations is set aside with no
/// collection until it is used up (a no-GC region). A rebuild then never stops to collect, however
/// small the collector's young generation (docs/benchmarks.md, "Third round").
/// </summary>
public static class IdleCollector
{
    /// <summary>Never set aside less than this (a small site's rebuild), nor more than the cap.</summary>
    private const long Least = 32L << 20, Most = 240L << 20;

    /// <param name="lastRebuild">Bytes the last rebuild allocated: the next one is given half as much again.</param>
    public static void CollectBeforeTheNextRebuild(long lastRebuild)
    {
        EndRegion();
        var allowance = Math.Clamp(lastRebuild + lastRebuild / 2, Least, Most);
        try
        {
            // Starting the region collects everything first (a full blocking collection).
            if (GC.TryStartNoGCRegion(allowance)) return;
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException)
        {
            // More than the collector can set aside at once, or a region already open (two servers
            // in one process, as in the tests): collect, and let the rebuild collect as usual.
        }
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    private static void EndRegion()
    {
        if (GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try { GC.EndNoGCRegion(); }
        catch (InvalidOperationException) { } // the rebuild used up its allowance and the region already ended
    }
}
