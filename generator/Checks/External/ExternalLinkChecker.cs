using System.Collections.Concurrent;
using System.Net;

namespace SiteGen.Checks.External;

/// <summary>
/// Checks external URLs the way a careful crawler would: a bounded number of requests at once, a
/// gap between requests to the same host, HEAD first and GET when HEAD is refused, redirects
/// followed one by one so they can be reported, timeouts, and retries with backoff that honour
/// a 429's Retry-After. Results are cached between runs.
/// </summary>
public sealed class ExternalLinkChecker(ExternalLinkOptions options) : IDisposable
{
    // Redirects are followed by hand, one hop at a time, so each can be reported; every
    // connection, first or after a redirect, goes through the address check.
    private readonly HttpClient _client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectCallback = (connection, cancel) => PublicAddresses.ConnectAsync(connection, options.AllowPrivateAddresses, cancel),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout below
        DefaultRequestHeaders = { { "User-Agent", "sitegen-link-check/1.0" } },
    };
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.Concurrency));
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Checks every URL once, however often it appears; returns each URL's status.</summary>
    public async Task<IReadOnlyDictionary<string, LinkStatus>> CheckAsync(IEnumerable<string> urls, LinkCache cache, CancellationToken cancel = default)
    {
        var unique = urls.Distinct(StringComparer.Ordinal).Where(options.Selects).ToList();
        var results = new ConcurrentDictionary<string, LinkStatus>(StringComparer.Ordinal);
        await Task.WhenAll(unique.Select(async url =>
        {
            var now = DateTimeOffset.UtcNow;
            var status = cache.Find(url, now) ?? await CheckOneAsync(url, cancel);
            cache.Remember(url, status, DateTimeOffset.UtcNow);
            results[url] = status;
        }));
        cache.Save();
        return results;
    }

    private async Task<LinkStatus> CheckOneAsync(string url, CancellationToken cancel)
    {
        var redirects = new List<string>();
        if (!Uri.TryCreate(url, UriKind.Absolute, out var current) || current.Scheme is not ("http" or "https"))
            return new LinkStatus(false, null, redirects, "is not a valid http(s) URL", 0);
        var attempts = 0;
        for (var hop = 0; hop <= options.MaxRedirects; hop++)
        {
            var (status, location, error, tries) = await RequestWithRetriesAsync(current, cancel);
            attempts += tries;
            if (error is not null) return new LinkStatus(false, status, redirects, error, attempts);
            if (status is >= 300 and < 400 && location is not null)
            {
                if (!Uri.TryCreate(current, location, out var next) || next.Scheme is not ("http" or "https"))
                {
                    redirects.Add(location);
                    return new LinkStatus(false, status, redirects, $"redirects to '{location}', which is not an http(s) address", attempts);
                }
                current = next;
                redirects.Add(current.AbsoluteUri);
                continue;
            }
            return new LinkStatus(status is >= 200 and < 300, status, redirects, null, attempts);
        }
        return new LinkStatus(false, null, redirects, $"more than {options.MaxRedirects} redirects", attempts);
    }

    /// <summary>One URL, retried after timeouts, 5xx and 429; returns the status, any redirect target, or an error.</summary>
    private async Task<(int? Status, string? Location, string? Error, int Attempts)> RequestWithRetriesAsync(Uri url, CancellationToken cancel)
    {
        var wait = options.Backoff;
        for (var attempt = 1; ; attempt++)
        {
            var (status, location, retryAfter, error) = await RequestAsync(url, cancel);
            var transient = error is not null || status is 429 or >= 500;
            if (!transient || attempt > options.Retries)
                return (status, location, error, attempt);
            var delay = status == 429 && retryAfter is { } asked ? Min(asked, options.MaxRetryAfter) : wait;
            await Task.Delay(delay, cancel);
            wait *= 2;
        }
    }

    private async Task<(int? Status, string? Location, TimeSpan? RetryAfter, string? Error)> RequestAsync(Uri url, CancellationToken cancel)
    {
        await _slots.WaitAsync(cancel);
        try
        {
            var head = await SendAsync(HttpMethod.Head, url, cancel);
            // Some servers refuse or mishandle HEAD: ask again with GET before calling the link broken.
            if (head.Error is not null || head.Status is 400 or 403 or 404 or 405 or 501)
            {
                var get = await SendAsync(HttpMethod.Get, url, cancel);
                if (get.Error is null || head.Error is not null) return get;
            }
            return head;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<(int? Status, string? Location, TimeSpan? RetryAfter, string? Error)> SendAsync(HttpMethod method, Uri url, CancellationToken cancel)
    {
        await _hosts.GetOrAdd(url.Authority, _ => new HostGate()).WaitTurnAsync(options.PerHostInterval, cancel);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        timeout.CancelAfter(options.Timeout);
        try
        {
            using var request = new HttpRequestMessage(method, url);
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            // A Location that is not a valid URL is kept as written, so it is reported rather than ignored.
            var location = response.Headers.Location?.OriginalString ??
                           (response.Headers.NonValidated.TryGetValues("Location", out var raw) ? raw.FirstOrDefault() : null);
            return ((int)response.StatusCode, location, RetryAfter(response), null);
        }
        catch (OperationCanceledException) when (!cancel.IsCancellationRequested)
        {
            return (null, null, null, $"timed out after {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException ex)
        {
            return (null, null, null, ex.Message);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;
        return null;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    public void Dispose()
    {
        _client.Dispose();
        _slots.Dispose();
    }

    /// <summary>Spaces requests to one host: each waits until the interval since the previous one has passed.</summary>
    private sealed class HostGate
    {
        private readonly SemaphoreSlim _lock = new(1);
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        public async Task WaitTurnAsync(TimeSpan interval, CancellationToken cancel)
        {
            await _lock.WaitAsync(cancel);
            try
            {
                var now = DateTimeOffset.UtcNow;
                if (_next > now) await Task.Delay(_next - now, cancel);
                _next = DateTimeOffset.UtcNow + interval;
            }
            finally
            {
                _lock.Release();
            }
        }
    }
}
