using SiteGen.Citations;
using SiteGen.Engine;

namespace SiteGen.Checks.External;

/// <summary>
/// Checks every external link of the site - those written in pages, and the DOI, PubMed and URL
/// links of the citations file - and reports each problem where the link was written.
/// Runs only with `sitegen check --external`: builds never touch the network.
/// </summary>
public sealed class CheckExternalLinks(ExternalLinkOptions options) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        RunAsync(documents, context, options).GetAwaiter().GetResult();
        return documents;
    }

    /// <summary>An external URL and the first place it is written.</summary>
    public sealed record Occurrence(string Url, string File, int Line, int Column);

    public static IReadOnlyList<Occurrence> Collect(IReadOnlyList<Document> documents, CitationLibrary citations)
    {
        var found = new List<Occurrence>();
        foreach (var page in documents.Where(d => d.Kind == DocumentKind.Page).OrderBy(d => d.SourcePath, StringComparer.Ordinal))
            foreach (var link in page.Links.Where(l => IsWeb(l.Url)))
                found.Add(new Occurrence(link.Url, page.SourcePath, link.Line, link.Column));
        foreach (var reference in citations.All)
        {
            if (reference.Doi is { } doi) found.Add(new Occurrence("https://doi.org/" + doi, reference.SourceFile, reference.SourceLine, 1));
            if (reference.Pmid is { } pmid) found.Add(new Occurrence($"https://pubmed.ncbi.nlm.nih.gov/{pmid}/", reference.SourceFile, reference.SourceLine, 1));
            if (reference.Url is { } url && IsWeb(url)) found.Add(new Occurrence(url, reference.SourceFile, reference.SourceLine, 1));
        }
        return found.GroupBy(o => o.Url, StringComparer.Ordinal).Select(g => g.First()).ToList();
    }

    public static async Task RunAsync(IReadOnlyList<Document> documents, BuildContext context, ExternalLinkOptions options)
    {
        var occurrences = Collect(documents, context.Citations);
        var identifiers = occurrences.Select(o => IdentifierLink.Of(o.Url)).OfType<IdentifierLink>().ToDictionary(l => l.Url, StringComparer.Ordinal);
        var cache = new LinkCache(options.CacheFile, options.MaxCacheAge);
        var byIdentifier = CheckIdentifierLinks.Check([.. identifiers.Values], options, cache, context.Config.Mailto);
        using var checker = new ExternalLinkChecker(options);
        var results = await checker.CheckAsync(occurrences.Select(o => o.Url).Where(u => !identifiers.ContainsKey(u)), cache);
        var accepted = context.Config.LinkCheckAccept;
        foreach (var occurrence in occurrences)
        {
            if (!byIdentifier.TryGetValue(occurrence.Url, out var status) && !results.TryGetValue(occurrence.Url, out status)) continue; // excluded
            if (!status.Ok && identifiers.TryGetValue(occurrence.Url, out var identifier))
                context.Diagnostics.Report(CheckRule.ExternalLink, occurrence.File, occurrence.Line, occurrence.Column,
                    $"external link '{occurrence.Url}' is broken: {identifier.Problem(status)}.");
            else if (!status.Ok && !Accepted(status, occurrence.Url, accepted))
                context.Diagnostics.Report(CheckRule.ExternalLink, occurrence.File, occurrence.Line, occurrence.Column,
                    $"external link '{occurrence.Url}' is broken: {status.Describe()}" +
                    (status.Redirects.Count > 0 ? $" (after redirecting to {status.Redirects[^1]})" : "") + Refusal(status, occurrence.Url) + ".");
            else if (status.Redirects.Count > 0)
                context.Diagnostics.Report(CheckRule.ExternalRedirect, occurrence.File, occurrence.Line, occurrence.Column,
                    $"external link '{occurrence.Url}' redirects to '{status.Redirects[^1]}'; link to the final address.");
        }
    }

    /// <summary>The status is one site.yml's 'link_check_accept' lists for the link's host, or the host it redirected to.</summary>
    private static bool Accepted(LinkStatus status, string url, IReadOnlyDictionary<string, IReadOnlyList<int>> accepted)
    {
        if (status.StatusCode is not { } code || accepted.Count == 0) return false;
        return new[] { url }.Concat(status.Redirects).Any(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) &&
            accepted.Any(a => (uri.Host.Equals(a.Key, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + a.Key, StringComparison.OrdinalIgnoreCase)) && a.Value.Contains(code)));
    }

    /// <summary>For the statuses hosts give robots (401, 403, 429, LinkedIn's 999): what it likely means and what to do.</summary>
    private static string Refusal(LinkStatus status, string url)
    {
        if (status.StatusCode is not (401 or 403 or 429 or 999)) return "";
        var host = Uri.TryCreate(status.Redirects.Count > 0 ? status.Redirects[^1] : url, UriKind.Absolute, out var uri) ? uri.Host : "the host";
        return $"; {host} may be refusing automated requests, as many publishers do. Open the link in a browser: if the page is there, " +
               $"add it to site.yml as 'link_check_accept: {{ {host}: [{status.StatusCode}] }}', or link to the work's DOI, which is checked by identifier";
    }

    private static bool IsWeb(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
