using SiteGen.Citations;

namespace SiteGen.Checks.External;

/// <summary>
/// A link that names a DOI (doi.org/10...) or a PubMed record (pubmed.ncbi.nlm.nih.gov/123/):
/// checked by its identifier with the registries, not by following the publisher's redirects,
/// which large publishers answer with 403 for any robot.
/// </summary>
public sealed record IdentifierLink(string Url, string? Doi, string? Pmid)
{
    private static readonly string[] DoiHosts = ["doi.org", "dx.doi.org", "www.doi.org"];

    /// <summary>The identifier the URL names; null for any other link.</summary>
    public static IdentifierLink? Of(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return null;
        var host = uri.Host.ToLowerInvariant();
        var path = Uri.UnescapeDataString(uri.AbsolutePath).Trim('/');
        if (DoiHosts.Contains(host) && Identifiers.DoiProblem(path) is null) return new IdentifierLink(url, path, null);
        if (host == "pubmed.ncbi.nlm.nih.gov" && Identifiers.PmidProblem(path) is null) return new IdentifierLink(url, null, path);
        if (host == "www.ncbi.nlm.nih.gov" && path.StartsWith("pubmed/", StringComparison.Ordinal) && Identifiers.PmidProblem(path["pubmed/".Length..]) is null)
            return new IdentifierLink(url, null, path["pubmed/".Length..]);
        return null;
    }

    /// <summary>Why the link is broken, in the registry's terms.</summary>
    public string Problem(LinkStatus status) => status.Error is { } error && status.StatusCode is null
        ? error
        : Doi is not null
            ? $"the DOI system does not know the DOI {Doi} (asked the DOI handle API, not the publisher)"
            : $"PubMed has no article with PMID {Pmid}";
}
