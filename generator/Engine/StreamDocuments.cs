using System.Diagnostics;

namespace SiteGen.Engine;

/// <summary>
/// Runs several per-document modules on each document in turn before taking the next one, in
/// parallel and in a stable order. A large intermediate, such as a laid-out page on its way to
/// disk, then lives only while its own document is in flight instead of for every page at once;
/// that is what keeps a 10,000-page build's memory small.
/// When the build has a <see cref="BuildCache"/> (`sitegen serve`) and the stream a
/// <see cref="CacheKey"/>, a document whose key the previous build met is not processed again:
/// its earlier result and findings are reused.
/// </summary>
public sealed class StreamDocuments(params PerDocumentModule[] modules) : IModule
{
    /// <summary>
    /// Given all documents (after the modules' Begin), a function naming everything one document's
    /// result depends on, or null for documents that are always processed.
    /// </summary>
    public Func<IReadOnlyList<Document>, BuildContext, Func<Document, string?>>? CacheKey { get; init; }

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var active = modules.Where(m => m.Begin(documents, context)).ToArray();
        var cache = context.Cache;
        var keyOf = cache is not null && CacheKey is not null ? CacheKey(documents, context) : null;
        var step = ToString();
        var ticks = new long[active.Length];
        var results = new Document[documents.Count];
        Parallel.For(0, documents.Count, context.Parallelism, i =>
        {
            var document = documents[i];
            var key = keyOf?.Invoke(document);
            if (key is not null && cache!.TryGet(step, key, out var entry))
            {
                context.Diagnostics.Replay(entry.Findings);
                results[i] = entry.Result;
                return;
            }
            using var recording = key is not null ? Diagnostics.Record() : null;
            for (var m = 0; m < active.Length; m++)
            {
                var started = Stopwatch.GetTimestamp();
                document = active[m].Apply(document, context);
                Interlocked.Add(ref ticks[m], Stopwatch.GetTimestamp() - started);
            }
            results[i] = document;
            if (key is not null) cache!.Put(step, key, new BuildCache.Entry(document, [.. recording!.Findings]));
        });
        for (var m = 0; m < active.Length; m++) // summed over workers, so they can exceed the wall time
            context.Log.Debug($"    {active[m].GetType().Name,-24} {Stopwatch.GetElapsedTime(0, ticks[m]).TotalMilliseconds,8:F1} ms of worker time");
        return results;
    }

    public override string ToString() => string.Join(" + ", modules.Select(m => m.GetType().Name));
}
