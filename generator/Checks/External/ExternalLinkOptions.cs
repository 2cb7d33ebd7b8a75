using System.Text.RegularExpressions;

namespace SiteGen.Checks.External;

/// <summary>How politely and how persistently external links are checked (all settable on the command line).</summary>
public sealed record ExternalLinkOptions
{
    /// <summary>Requests in flight at once, across all hosts.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Smallest gap between two requests to the same host.</summary>
    public TimeSpan PerHostInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Extra attempts after a timeout, a 5xx or a 429.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>First wait before a retry; it doubles each time. A 429's Retry-After wins when given.</summary>
    public TimeSpan Backoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest Retry-After we are willing to wait.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    public int MaxRedirects { get; init; } = 5;

    /// <summary>
    /// Whether links may lead to loopback, private or link-local addresses. Off by default: a link
    /// (or a redirect) to 127.0.0.1 or 10.x would make CI knock on its own services.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>Results file kept between runs, like lychee's .lycheecache; null keeps nothing.</summary>
    public string? CacheFile { get; init; } = ".sitegen-linkcache.json";

    public TimeSpan MaxCacheAge { get; init; } = TimeSpan.FromDays(1);

    /// <summary>When given, only URLs matching one of these are checked.</summary>
    public IReadOnlyList<Regex> Include { get; init; } = [];

    /// <summary>URLs matching any of these are never checked.</summary>
    public IReadOnlyList<Regex> Exclude { get; init; } = [];

    /// <summary>Where the DOI handle API and PubMed answer, for DOI and PMID links; null: the public services, or the SITEGEN_*_API variables.</summary>
    public Registry.RegistryServices? Registries { get; init; }

    public bool Selects(string url) =>
        (Include.Count == 0 || Include.Any(r => r.IsMatch(url))) && !Exclude.Any(r => r.IsMatch(url));
}
