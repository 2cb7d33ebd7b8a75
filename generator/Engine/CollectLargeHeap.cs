namespace SiteGen.Engine;

/// <summary>
/// On a very large site only (a heap over 1 GiB: about 40,000 pages), collects and compacts the
/// whole heap and gives the memory freed back to the system, before the two steps that need the
/// most: the search index and the layout. What the steps before them let go of (each page's
/// Markdown, the search index's tables) sits in the collector's oldest generation, which would
/// grow by half again before the collector looked at it: at 100,000 pages that was the build's
/// peak memory. Below the threshold a full collection costs more time than it is worth; `serve`
/// collects between rebuilds instead (Serve/IdleCollector.cs), never in the middle of one.
/// </summary>
public sealed class CollectLargeHeap : IModule
{
    private const long Threshold = 1L << 30;

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        if (context.Cache is not null || GC.GetTotalMemory(forceFullCollection: false) < Threshold) return documents;
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return documents;
    }
}
