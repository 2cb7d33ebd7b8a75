using SiteGen.Engine;

namespace SiteGen.Build;

/// <summary>The outcome of a build: exit code, findings, and what was produced.</summary>
public sealed record BuildResult(int ExitCode, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Document> Documents, long ElapsedMs)
{
    /// <summary>Work left for after the site is shown (see <see cref="BuildContext.Later"/>).</summary>
    public IReadOnlyList<LaterWork> Later { get; init; } = [];

    public const int Success = 0;
    public const int ContentErrors = 1;
    public const int UsageError = 2;

    public int PageCount => Documents.Count(d => d.IsHtmlPage);
    public int FileCount => Documents.Count(d => d.OutputPath.Length > 0) + 1; // + the output marker
}
