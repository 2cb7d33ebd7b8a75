namespace SiteGen.Build;

/// <summary>What `sitegen build` was asked to do.</summary>
public sealed record BuildOptions(
    string Input = "input",
    string Output = "output",
    string Theme = "theme",
    string? BaseUrl = null,
    bool Verbose = false,
    int? Workers = null,
    bool Strict = false);
