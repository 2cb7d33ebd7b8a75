using SiteGen.Registry;

namespace SiteGen.Checks.External;

/// <summary>
/// Checks DOI and PubMed links by identifier: each DOI with the DOI handle API (it answers for
/// every registration agency, and never with a publisher's 403), PMIDs with PubMed's esummary,
/// 200 to a request. Results share the link cache with the other external links.
/// </summary>
public static class CheckIdentifierLinks
{
    public static Dictionary<string, LinkStatus> Check(IReadOnlyList<IdentifierLink> links, ExternalLinkOptions options, LinkCache cache, string? mailto)
    {
        var results = new Dictionary<string, LinkStatus>(StringComparer.Ordinal);
        var now = DateTimeOffset.UtcNow;
        var pending = new List<IdentifierLink>();
        foreach (var link in links.Where(l => options.Selects(l.Url)).DistinctBy(l => l.Url))
            if (cache.Find(link.Url, now) is { } cached) results[link.Url] = cached;
            else pending.Add(link);
        if (pending.Count == 0) return results;

        using var client = new PoliteClient(mailto, options.Timeout, options.MaxRetryAfter);
        var registries = new Registries(client, options.Registries ?? RegistryServices.FromEnvironment());
        try
        {
            foreach (var link in pending.Where(l => l.Doi is not null))
                results[link.Url] = Status(registries.DoiExists(link.Doi!));
            var known = registries.PubMedKnown([.. pending.Where(l => l.Pmid is not null).Select(l => l.Pmid!)]);
            foreach (var link in pending.Where(l => l.Pmid is not null))
                results[link.Url] = Status(known.Contains(link.Pmid!));
        }
        catch (ServiceUnavailableException ex)
        {
            // Not the link's fault: said as such, and not remembered.
            foreach (var link in pending.Where(l => !results.ContainsKey(l.Url)))
                results[link.Url] = new LinkStatus(false, null, [], $"could not be checked, because {ex.Message}", 1);
        }
        foreach (var link in pending) cache.Remember(link.Url, results[link.Url], DateTimeOffset.UtcNow);
        return results;
    }

    private static LinkStatus Status(bool exists) => new(exists, exists ? 200 : 404, [], null, 1);
}
