using SiteGen.Engine;

namespace SiteGen.Build;

/// <summary>The outcome of a build: exit code, findings, and what was produced.</summary>
public sealed record BuildResult(int ExitCode, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Document> Documents, long ElapsedMs)
{
    /// <summary>Work left for after the site is shown (see <see cref="BuildContext.Later"/>).</summary>
    public IReadOnlyList<LaterWork> Later { get; init; } = [];

    /// <summary>The site's settings as the build read them; null when it stopped before reading them.</summary>
    public SiteConfig? Config { get; init; }

    /// <summary>The folders the build read, for naming files the way findings do.</summary>
    public SitePaths? Paths { get; init; }

    /// <summary>An input file as findings name it (input/page.md).</summary>
    public string DisplayPath(string inputRelative) => Paths?.Display(inputRelative) ?? inputRelative;

    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    public int PageCount => Documents.Count(d => d.IsHtmlPage);
    public int FileCount => Documents.Count(d => d.OutputPath.Length > 0) + 1; // + the output marker
}
