namespace SiteGen.Tests.Engine;

/// <summary>`serve` keeps what one build made for the next, and no more: a result no build used since is let go.</summary>
public class BuildCacheTests
{
    private static readonly BuildCache.Entry Made = new(new Document { SourcePath = "a.md", OutputPath = "a.html", Kind = DocumentKind.Page }, []);

    [Fact]
    public void A_result_stays_while_each_build_uses_it_and_goes_after_a_build_that_does_not()
    {
        var cache = new BuildCache();
        cache.Put("step", 1, Made);
        cache.Put("step", 2, Made);
        cache.EndBuild();
        cache.Sweep();

        Assert.True(cache.TryGet("step", 1, out var reused)); // the second build uses the first result only
        Assert.Same(Made, reused);
        cache.EndBuild();
        Assert.Equal((1, 0), cache.LastBuild);
        cache.Sweep();

        Assert.True(cache.TryGet("step", 1, out _));
        Assert.False(cache.TryGet("step", 2, out _));
        Assert.False(cache.TryGet("another step", 1, out _));
    }
}
