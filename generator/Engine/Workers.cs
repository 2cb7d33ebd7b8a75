namespace SiteGen.Engine;

/// <summary>
/// A parallel loop in which each worker keeps one state (a buffer, a table) for the whole loop,
/// taking the next item until none is left. Parallel.For's own per-task state does not do this:
/// it ends its tasks every so often and starts new ones, each with a fresh state, so a table of
/// everything met so far would start empty several times over.
/// </summary>
public static class Workers
{
    /// <summary>How many workers the options allow.</summary>
    public static int Count(ParallelOptions parallelism) =>
        parallelism.MaxDegreeOfParallelism > 0 ? parallelism.MaxDegreeOfParallelism : Environment.ProcessorCount;

    /// <summary>
    /// Runs <paramref name="body"/> on items 0 to count - 1; returns the workers' states, each made
    /// by <paramref name="newState"/> from its worker's number.
    /// </summary>
    public static TState[] For<TState>(int count, ParallelOptions parallelism, Func<int, TState> newState, Action<int, TState> body)
    {
        var states = new TState[Math.Max(1, Math.Min(count, Count(parallelism)))];
        var next = -1;
        Parallel.For(0, states.Length, parallelism, worker =>
        {
            var state = states[worker] = newState(worker);
            for (int item; (item = Interlocked.Increment(ref next)) < count;) body(item, state);
        });
        return states;
    }
}
