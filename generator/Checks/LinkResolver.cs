using System.Collections.Concurrent;
using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>Where an internal URL leads: a published file (and #fragment), or why it leads nowhere.</summary>
public sealed record LinkOutcome(string? Target, string? Fragment, string? Problem)
{
    public static readonly LinkOutcome External = new(null, null, null);
}

/// <summary>
/// Resolves the URLs of built pages against the set of published files. Every page of a folder
/// repeats the same navigation links, so outcomes are cached per folder and URL: a 10,000-page
/// site has millions of links but only thousands of distinct ones per folder.
/// </summary>
public sealed class LinkResolver(IReadOnlySet<string> published)
{
    private readonly ConcurrentDictionary<(string Folder, string Url), LinkOutcome> _cache = new();

    /// <param name="page">The output path of the page the link is on.</param>
    /// <param name="folder">That page's folder ("" or "a/b/"), shared by its neighbours.</param>
    public LinkOutcome Resolve(string page, string folder, string url)
    {
        // A link within the page ("#x", "?q", "") depends on the page itself, not on its folder.
        if (url.Length == 0 || url[0] is '#' or '?')
            return url.IndexOf('#') is var hash and >= 0 ? Fragment(page, url[(hash + 1)..]) : new(page, null, null);
        return _cache.GetOrAdd((folder, url), static (key, resolver) => resolver.Uncached(key.Folder, key.Url), this);
    }

    private LinkOutcome Uncached(string folder, string url)
    {
        var located = UrlPaths.Locate(folder, url);
        switch (located.Kind)
        {
            case UrlKind.External: return LinkOutcome.External;
            case UrlKind.RootRelative: return new(null, null, "starts with '/', which breaks under a subpath and from disk");
            case UrlKind.OutsideRoot: return new(null, null, "climbs above the site root");
        }
        if (!published.Contains(located.Path)) return new(null, null, $"points to '{located.Path}', which the site does not contain");
        return located.Fragment.Length == 0 ? new(located.Path, null, null) : new(located.Path, located.FragmentId, null);
    }

    private static LinkOutcome Fragment(string target, string fragment) => new(target, Uri.UnescapeDataString(fragment), null);
}
