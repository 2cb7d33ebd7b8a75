namespace SiteGen.Registry;

/// <summary>
/// Where the registries answer: the public services by default, or the base URLs (no trailing
/// slash) in SITEGEN_CROSSREF_API, SITEGEN_PUBMED_API and SITEGEN_DOI_API, which is how tests
/// point them at a local server.
/// </summary>
public sealed record RegistryServices(string Crossref, string PubMed, string Doi)
{
    public static RegistryServices FromEnvironment() => new(
        Base("SITEGEN_CROSSREF_API", "https://api.crossref.org"),
        Base("SITEGEN_PUBMED_API", "https://eutils.ncbi.nlm.nih.gov/entrez/eutils"),
        Base("SITEGEN_DOI_API", "https://doi.org"));

    private static string Base(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value.TrimEnd('/') : fallback;

    /// <summary>A DOI as a URL path: each part escaped, the slashes kept (Crossref and the handle API take it so).</summary>
    public static string DoiPath(string doi) => string.Join('/', doi.Split('/').Select(Uri.EscapeDataString));
}
