using System.Diagnostics;

namespace SiteGen.Engine;

/// <summary>
/// An ordered list of modules, each under its phase. Running it passes the documents through every
/// module in turn and logs how long each took. Every phase runs even after errors, so one build
/// reports every problem; only the Publish phase is skipped, so nothing broken is ever published
/// (files are staged beside the output folder and swapped in by the Publish phase). Errors in the
/// Settings phase stop the build at once: every later step reads the settings.
/// </summary>
public sealed class Pipeline
{
    private readonly List<(Phase Phase, IModule Module)> _steps = [];

    public IReadOnlyList<(Phase Phase, IModule Module)> Steps => _steps;

    public Pipeline Add(Phase phase, IModule module)
    {
        if (_steps.Count > 0 && phase < _steps[^1].Phase)
            throw new InvalidOperationException($"{NameOf(module)} is in {phase}, after a {_steps[^1].Phase} module.");
        _steps.Add((phase, module));
        return this;
    }

    /// <summary>Adds the step only when <paramref name="condition"/> holds (a step of `check` only, or of builds that write).</summary>
    public Pipeline AddIf(bool condition, Phase phase, IModule module) => condition ? Add(phase, module) : this;

    public IReadOnlyList<Document> Run(BuildContext context, IReadOnlyList<Document>? seed = null)
    {
        IReadOnlyList<Document> documents = seed ?? [];
        var build = Stopwatch.StartNew();
        var perPhase = new Dictionary<Phase, TimeSpan>();
        try
        {
            for (var step = 0; step < _steps.Count; step++)
            {
                var (phase, module) = _steps[step];
                if (step > 0 && phase > Phase.Settings && _steps[step - 1].Phase == Phase.Settings && context.Diagnostics.HasStoppingErrors) break;
                if (phase == Phase.Publish && context.Diagnostics.HasErrors) break;
                context.Log.Progress(phase, step, _steps.Count, NameOf(module), build.Elapsed);
                var watch = Stopwatch.StartNew();
                var paused = GC.GetTotalPauseDuration();
                var cpu = Environment.CpuUsage.TotalTime; // against the wall time: how much of the step used both cores
                var allocated = GC.GetTotalAllocatedBytes();
                int[] collections = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
                try
                {
                    documents = module is StreamDocuments stream ? stream.Consume(HandOver(ref documents), context) : module.Execute(documents, context);
                }
                catch (Exception ex) when (ex is not (IOException or UnauthorizedAccessException or OutOfMemoryException))
                {
                    // A bug of ours, not the user's input: one line naming the step; the stack trace with --verbose.
                    context.Diagnostics.Error($"the {NameOf(module)} step failed ({ex.GetType().Name}: {ex.Message}); " +
                                              "this is a bug in sitegen: run with --verbose for details, and please report it.");
                    context.Log.Debug(ex.ToString());
                    break;
                }
                perPhase[phase] = perPhase.GetValueOrDefault(phase) + watch.Elapsed;
                context.Log.Debug($"  {phase,-11} {NameOf(module),-24} {watch.Elapsed.TotalMilliseconds,8:F1} ms  (CPU {(Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds:F0} ms, allocated {(GC.GetTotalAllocatedBytes() - allocated) >> 20} MB, garbage collection {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds:F0} ms, generations 0/1/2: {GC.CollectionCount(0) - collections[0]}/{GC.CollectionCount(1) - collections[1]}/{GC.CollectionCount(2) - collections[2]})  {documents.Count} documents, heap {GC.GetTotalMemory(false) >> 20} MB, process {Environment.WorkingSet >> 20} MB");
            }
        }
        finally
        {
            context.Log.EndProgress();
        }
        context.Log.Debug($"  phases: {string.Join(", ", perPhase.Select(p => $"{p.Key} {p.Value.TotalMilliseconds:F0} ms"))}");
        return documents;
    }

    /// <summary>The documents as an array of their own, the pipeline keeping no other reference to them.</summary>
    private static Document[] HandOver(ref IReadOnlyList<Document> documents)
    {
        Document[] owned = [.. documents];
        documents = [];
        return owned;
    }

    private static string NameOf(IModule module) => module is StreamDocuments ? module.ToString()! : module.GetType().Name;
}
