using System.Diagnostics;
using System.Text.RegularExpressions;
using SiteGen.Checks.External;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Checks;

public sealed class ExternalLinkCheckerTests : IDisposable
{
    private readonly FakeWebServer _server = new();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"sitegen-cache-{Guid.NewGuid():N}.json");

    private ExternalLinkOptions Options(TimeSpan? timeout = null) => new()
    {
        CacheFile = _cache, Timeout = timeout ?? TimeSpan.FromSeconds(3), Retries = 2, AllowPrivateAddresses = true,
        Backoff = TimeSpan.FromMilliseconds(50), PerHostInterval = TimeSpan.FromMilliseconds(10),
    };

    private async Task<IReadOnlyDictionary<string, LinkStatus>> Check(ExternalLinkOptions options, params string[] paths)
    {
        using var checker = new ExternalLinkChecker(options);
        return await checker.CheckAsync(paths.Select(p => _server.Root + p), new LinkCache(options.CacheFile, options.MaxCacheAge));
    }

    [Fact]
    public async Task A_200_is_fine_and_a_404_is_broken()
    {
        var results = await Check(Options(), "ok", "missing");
        Assert.True(results[_server.Root + "ok"].Ok);
        Assert.Equal((false, 404), (results[_server.Root + "missing"].Ok, results[_server.Root + "missing"].StatusCode));
    }

    [Fact]
    public async Task Redirects_are_followed_and_reported()
    {
        var status = (await Check(Options(), "moved"))[_server.Root + "moved"];
        Assert.True(status.Ok);
        Assert.Equal([_server.Root + "ok"], status.Redirects);
        var loop = (await Check(Options(), "loop"))[_server.Root + "loop"];
        Assert.False(loop.Ok);
        Assert.Equal("more than 5 redirects", loop.Error);
    }

    [Fact]
    public async Task Head_is_tried_first_and_get_when_head_is_refused()
    {
        var status = (await Check(Options(), "no-head"))[_server.Root + "no-head"];
        Assert.True(status.Ok);
        Assert.Equal(2, _server.Hits("/no-head"));
    }

    [Fact]
    public async Task A_429_is_retried_after_the_time_it_asks_for()
    {
        var watch = Stopwatch.StartNew();
        var status = (await Check(Options(), "busy"))[_server.Root + "busy"];
        Assert.True(status.Ok);
        Assert.Equal(2, status.Attempts);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"retried after {watch.Elapsed}, before the Retry-After of 1 s");
    }

    [Fact]
    public async Task A_500_is_retried_with_backoff_and_then_reported()
    {
        var status = (await Check(Options(), "broken"))[_server.Root + "broken"];
        Assert.Equal((false, 500, 3), (status.Ok, status.StatusCode, status.Attempts));
        Assert.True(_server.Hits("/broken") >= 3);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_times_out()
    {
        var options = Options(TimeSpan.FromMilliseconds(300)) with { Retries = 0 };
        var status = (await Check(options, "slow"))[_server.Root + "slow"];
        Assert.False(status.Ok);
        Assert.Equal("timed out after 0.3 s", status.Error);
    }

    [Fact]
    public async Task Results_are_cached_between_runs_until_they_are_too_old()
    {
        await Check(Options(), "ok", "missing");
        var hits = _server.Hits("/ok");
        var second = await Check(Options(), "ok", "missing");
        Assert.Equal(hits, _server.Hits("/ok"));
        Assert.True(second[_server.Root + "ok"].FromCache);
        Assert.True(second[_server.Root + "missing"].FromCache);
        Assert.Contains(_server.Root + "ok", File.ReadAllText(_cache));

        await Check(Options() with { MaxCacheAge = TimeSpan.Zero }, "ok");
        Assert.True(_server.Hits("/ok") > hits);
    }

    [Fact]
    public async Task Transient_failures_are_not_cached()
    {
        await Check(Options() with { Retries = 0 }, "broken");
        var hits = _server.Hits("/broken");
        await Check(Options() with { Retries = 0 }, "broken");
        Assert.Equal(hits + 1, _server.Hits("/broken"));
    }

    [Fact]
    public async Task Include_and_exclude_patterns_choose_what_is_checked()
    {
        var options = Options() with { Include = [new Regex("/(ok|missing)$")], Exclude = [new Regex("missing")] };
        var results = await Check(options, "ok", "missing", "broken");
        Assert.Equal([_server.Root + "ok"], results.Keys);
        Assert.Equal(0, _server.Hits("/broken"));
    }

    [Fact]
    public async Task Requests_to_one_host_are_spaced_out()
    {
        var options = Options() with { PerHostInterval = TimeSpan.FromMilliseconds(200), CacheFile = null };
        await Check(options, "ok"); // warms both sides, so the timed check is the spacing alone
        // Timed from the sender's side: four requests sent at once finish within a few ms, spaced
        // ones take at least three intervals. (Arrival times at the server were used before, but one
        // request delayed on a busy machine arrived with the next and made a gap look short.)
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await Check(options, "a", "b", "c", "d");
        var elapsed = watch.Elapsed;
        Assert.Equal(4, _server.Log.Count(l => l.Path != "/ok"));
        // 180 of each 200 ms: timers may fire a little early; four requests at once take a few ms.
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(3 * 180), $"four requests to one host took {elapsed.TotalMilliseconds:F0} ms");
    }

    public void Dispose()
    {
        _server.Dispose();
        File.Delete(_cache);
    }

    [Theory]
    [InlineData("to-ftp", "redirects to 'ftp://files.example/x', which is not an http(s) address")]
    [InlineData("to-file", "redirects to 'file:///etc/passwd', which is not an http(s) address")]
    [InlineData("to-garbage", "redirects to 'http://[::1', which is not an http(s) address")]
    public async Task A_redirect_out_of_http_is_reported_not_followed(string path, string error)
    {
        var status = (await Check(Options(), path))[_server.Root + path];
        Assert.False(status.Ok);
        Assert.Equal(error, status.Error);
    }

    [Theory]
    [InlineData("http://[::1")]
    [InlineData("http://exa mple.org/")]
    [InlineData("ftp://files.example/x")]
    public async Task A_malformed_or_non_web_url_is_reported_not_crashed_on(string url)
    {
        using var checker = new ExternalLinkChecker(Options());
        var results = await checker.CheckAsync([url], new LinkCache(null, TimeSpan.Zero));
        Assert.Equal("is not a valid http(s) URL", results[url].Error);
    }

    [Fact]
    public async Task Links_and_redirects_to_loopback_or_private_addresses_are_refused_by_default()
    {
        var results = await Check(Options() with { AllowPrivateAddresses = false }, "ok");
        Assert.False(results[_server.Root + "ok"].Ok);
        Assert.Contains("resolves to a loopback, private or link-local address", results[_server.Root + "ok"].Error);
        Assert.Equal(0, _server.Hits("/ok"));
    }

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.20.0.1", false)]
    [InlineData("192.168.1.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700::6810:84e5", true)]
    public void Only_public_addresses_count_as_public(string address, bool expected) =>
        Assert.Equal(expected, PublicAddresses.IsPublic(System.Net.IPAddress.Parse(address)));
}
