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
        using var checker = new ExternalLinkChecker(options);
        var results = await checker.CheckAsync(occurrences.Select(o => o.Url), new LinkCache(options.CacheFile, options.MaxCacheAge));
        foreach (var occurrence in occurrences)
        {
            if (!results.TryGetValue(occurrence.Url, out var status)) continue; // excluded
            if (!status.Ok)
                context.Diagnostics.Report(CheckRule.ExternalLink, occurrence.File, occurrence.Line, occurrence.Column,
                    $"external link '{occurrence.Url}' is broken: {status.Describe()}" +
                    (status.Redirects.Count > 0 ? $" (after redirecting to {status.Redirects[^1]})" : "") + ".");
            else if (status.Redirects.Count > 0)
                context.Diagnostics.Report(CheckRule.ExternalRedirect, occurrence.File, occurrence.Line, occurrence.Column,
                    $"external link '{occurrence.Url}' redirects to '{status.Redirects[^1]}'; link to the final address.");
        }
    }

    private static bool IsWeb(string url) =>
        url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
