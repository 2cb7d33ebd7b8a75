using System.Diagnostics;

namespace SiteGen.Engine;

/// <summary>
/// Runs several per-document modules on each document in turn before taking the next one, in
/// parallel and in a stable order. A large intermediate, such as a laid-out page on its way to
/// disk, then lives only while its own document is in flight instead of for every page at once;
/// that is what keeps a 10,000-page build's memory small.
/// When the build has a <see cref="BuildCache"/> (`sitegen serve`) and every module of the stream
/// says what it reads (<see cref="PerDocumentModule.CacheInputs"/>), a document whose key the
/// previous build met is not processed again: its earlier result and findings are reused. The
/// key is made here, from the whole document, the site's settings and what each module reads.
/// </summary>
public sealed class StreamDocuments(params PerDocumentModule[] modules) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context) => Consume([.. documents], context);

    /// <summary>
    /// Streams documents the caller hands over (the pipeline does): each is let go of as soon as
    /// it is taken, so the input, such as every page's Markdown or rendered HTML, shrinks while
    /// the output grows instead of both being held whole (100,000 pages: 1.6 GB of Markdown
    /// beside 2.5 GB of HTML at the end of rendering).
    /// </summary>
    public Document[] Consume(Document[] documents, BuildContext context)
    {
        var active = modules.Where(m => m.Begin(documents, context)).ToArray();
        var cache = context.Cache;
        var keyOf = cache is null ? null : KeyFunction(active, documents, context);
        var entries = cache?.Step(ToString());
        var ticks = new long[active.Length];
        var allocated = new long[active.Length]; // bytes, by the thread that ran the step: what each step costs the collector
        long keyTicks = 0;
        var results = new Document[documents.Length];
        Parallel.For(0, documents.Length, context.Parallelism, i =>
        {
            var document = documents[i];
            documents[i] = null!;
            var keyed = Stopwatch.GetTimestamp();
            var key = keyOf?.Invoke(document);
            if (keyOf is not null) Interlocked.Add(ref keyTicks, Stopwatch.GetTimestamp() - keyed);
            if (key is { } found && entries!.TryGet(found, out var entry))
            {
                context.Diagnostics.Replay(entry.Findings);
                results[i] = entry.Result;
                return;
            }
            using var recording = key is not null ? Diagnostics.Record() : null;
            for (var m = 0; m < active.Length; m++)
            {
                var started = Stopwatch.GetTimestamp();
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                document = active[m].Apply(document, context);
                Interlocked.Add(ref ticks[m], Stopwatch.GetTimestamp() - started);
                Interlocked.Add(ref allocated[m], GC.GetAllocatedBytesForCurrentThread() - bytes);
            }
            results[i] = document;
            if (key is { } made) entries!.Put(made, new BuildCache.Entry(document, [.. recording!.Findings]));
        });
        if (keyOf is not null)
            context.Log.Debug($"    {"(cache keys)",-24} {Stopwatch.GetElapsedTime(0, keyTicks).TotalMilliseconds,8:F1} ms of worker time");
        for (var m = 0; m < active.Length; m++) // summed over workers, so they can exceed the wall time
        {
            context.Log.Debug($"    {active[m].GetType().Name,-24} {Stopwatch.GetElapsedTime(0, ticks[m]).TotalMilliseconds,8:F1} ms of worker time, allocated {allocated[m] >> 20} MB");
            foreach (var line in active[m].Timings()) context.Log.Debug("      " + line);
        }
        return results;
    }

    /// <summary>The cache key of a document, or null when it is always processed: no module handles it, or one module reads what it cannot name.</summary>
    private static Func<Document, UInt128?>? KeyFunction(PerDocumentModule[] active, IReadOnlyList<Document> documents, BuildContext context)
    {
        var inputs = active.Select(m => m.CacheInputs(documents, context)).ToArray();
        if (inputs.Any(i => i is null)) return null;
        var settings = DocumentDigest.OfValue(context.Config);
        return document =>
        {
            if (!active.Any(m => m.Handles(document))) return null;
            var reads = new string?[inputs.Length];
            for (var i = 0; i < inputs.Length; i++) reads[i] = inputs[i]!(document);
            return BuildCache.Key(settings, DocumentDigest.Of(document), reads);
        };
    }

    public override string ToString() => string.Join(" + ", modules.Select(m => m.GetType().Name));
}
