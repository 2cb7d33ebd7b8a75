using System.Diagnostics;

namespace SiteGen.Engine;

/// <summary>
/// Runs several per-document modules on each document in turn before taking the next one, in
/// parallel and in a stable order. A large intermediate, such as a laid-out page on its way to
/// disk, then lives only while its own document is in flight instead of for every page at once;
/// that is what keeps a 10,000-page build's memory small.
/// </summary>
public sealed class StreamDocuments(params PerDocumentModule[] modules) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var active = modules.Where(m => m.Begin(documents, context)).ToArray();
        var ticks = new long[active.Length];
        var results = new Document[documents.Count];
        Parallel.For(0, documents.Count, context.Parallelism, i =>
        {
            var document = documents[i];
            for (var m = 0; m < active.Length; m++)
            {
                var started = Stopwatch.GetTimestamp();
                document = active[m].Apply(document, context);
                Interlocked.Add(ref ticks[m], Stopwatch.GetTimestamp() - started);
            }
            results[i] = document;
        });
        for (var m = 0; m < active.Length; m++) // summed over workers, so they can exceed the wall time
            context.Log.Debug($"    {active[m].GetType().Name,-24} {Stopwatch.GetElapsedTime(0, ticks[m]).TotalMilliseconds,8:F1} ms of worker time");
        return results;
    }

    public override string ToString() => string.Join(" + ", modules.Select(m => m.GetType().Name));
}
