namespace SiteGen.Build;

/// <summary>What `sitegen build` was asked to do. <paramref name="CacheFolder"/>: what builds keep for the next one (null: nothing kept).</summary>
public sealed record BuildOptions(
    string Input = "input",
    string Output = "output",
    string Theme = BuildOptions.DefaultTheme,
    string? BaseUrl = null,
    bool Verbose = false,
    int? Workers = null,
    bool Strict = false,
    string? Repository = null,
    string? CacheFolder = null)
{
    /// <summary>The site's theme folder when none is given: used when it exists, over the built-in theme.</summary>
    public const string DefaultTheme = "theme";
}
