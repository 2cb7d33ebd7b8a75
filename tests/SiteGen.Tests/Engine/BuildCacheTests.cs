namespace SiteGen.Tests.Engine;

/// <summary>`serve` keeps what one build made for the next, and no more: a result no build used since is let go.</summary>
public class BuildCacheTests
{
    private static readonly BuildCache.Entry Made = new(new Document { SourcePath = "a.md", OutputPath = "a.html", Kind = DocumentKind.Page }, []);

    [Fact]
    public void A_result_stays_while_each_build_uses_it_and_goes_after_a_build_that_does_not()
    {
        var cache = new BuildCache();
        cache.Step("step").Put(1, Made);
        cache.Step("step").Put(2, Made);
        cache.EndBuild();
        cache.Sweep();

        Assert.True(cache.Step("step").TryGet(1, out var reused)); // the second build uses the first result only
        Assert.Same(Made, reused);
        cache.EndBuild();
        Assert.Equal((1, 0), cache.LastBuild);
        cache.Sweep();

        Assert.True(cache.Step("step").TryGet(1, out _));
        Assert.False(cache.Step("step").TryGet(2, out _));
        Assert.False(cache.Step("another step").TryGet(1, out _));
    }
}
