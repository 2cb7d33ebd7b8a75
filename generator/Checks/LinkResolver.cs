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
        return _cache.GetOrAdd((folder, url), key => Uncached(key.Folder, key.Url));
    }

    private LinkOutcome Uncached(string folder, string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal) || UrlPaths.Scheme(url) is not null) return LinkOutcome.External;
        if (url.StartsWith('/')) return new(null, null, "starts with '/', which breaks under a subpath and from disk");
        var hash = url.IndexOf('#');
        var path = hash < 0 ? url : url[..hash];
        if (path.IndexOf('?') is var query and >= 0) path = path[..query];
        var resolved = UrlPaths.Resolve(folder, Uri.UnescapeDataString(path));
        if (resolved is null) return new(null, null, "climbs above the site root");
        var target = path.EndsWith('/') || resolved.Length == 0 ? (resolved.Length == 0 ? "index.html" : resolved + "/index.html") : resolved;
        if (!published.Contains(target)) return new(null, null, $"points to '{target}', which the site does not contain");
        return hash < 0 ? new(target, null, null) : Fragment(target, url[(hash + 1)..]);
    }

    private static LinkOutcome Fragment(string target, string fragment) => new(target, Uri.UnescapeDataString(fragment), null);
}
