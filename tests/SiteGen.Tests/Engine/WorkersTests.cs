using SiteGen.Engine;

namespace SiteGen.Tests.Engine;

public class WorkersTests
{
    [Fact]
    public void Each_worker_keeps_one_state_however_long_the_loop_runs_and_every_item_is_taken_once()
    {
        // 400 items of about a millisecond each on two workers: long enough that Parallel.For
        // would have ended its tasks and begun new ones, each asking for a fresh state.
        var created = 0;
        var taken = new int[400];
        var states = Workers.For(taken.Length, new ParallelOptions { MaxDegreeOfParallelism = 2, TaskScheduler = TaskScheduler.Default },
            _ =>
            {
                Interlocked.Increment(ref created);
                return new List<int>();
            },
            (item, state) =>
            {
                Interlocked.Increment(ref taken[item]);
                state.Add(item);
                Thread.Sleep(1);
            });

        Assert.Equal(2, created);
        Assert.Equal(2, states.Length);
        Assert.All(taken, count => Assert.Equal(1, count));
        Assert.Equal(Enumerable.Range(0, taken.Length), states.SelectMany(s => s).Order());
    }

    [Fact]
    public void A_loop_with_fewer_items_than_workers_makes_no_idle_states()
    {
        var states = Workers.For(1, new ParallelOptions { MaxDegreeOfParallelism = 4 }, _ => new List<int>(), (item, state) => state.Add(item));
        Assert.Equal([[0]], states);
    }
}
