namespace SiteGen.Checks.External;

/// <summary>What checking one URL found: its final status, where it redirected, or why it failed.</summary>
public sealed record LinkStatus(bool Ok, int? StatusCode, IReadOnlyList<string> Redirects, string? Error, int Attempts, bool FromCache = false)
{
    /// <summary>Worth remembering between runs: a success, or a page that is definitely gone.</summary>
    public bool IsCacheable => Ok || StatusCode is 404 or 410;

    public string Describe() =>
        Error ?? (StatusCode is { } code ? $"HTTP {code}" : "no answer");
}
