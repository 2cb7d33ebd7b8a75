using SiteGen.Checks.External;

namespace SiteGen.Build;

/// <summary>
/// `sitegen check`: the build's recipe run in memory (so every finding can name its Markdown
/// line), with the check-only steps on (output folder current, reviews not overdue, and with
/// --external the links that leave the site) and the writing steps off. Exit code 0 when clean,
/// 1 when any error was found.
/// </summary>
public static class SiteChecker
{
    public static BuildResult Check(BuildOptions options, ExternalLinkOptions? external, Log log, DateOnly? today = null, string? baseRef = null)
    {
        var day = today ?? DateOnly.FromDateTime(DateTime.UtcNow);
        if (baseRef is null) return SiteBuilder.Build(options, log, write: false, check: new CheckOptions(day, external));
        var (based, error) = GitBase.Extract(options.Input, baseRef);
        if (based is null) return new BuildResult(BuildResult.UsageError, [new Diagnostic(Severity.Error, "", 0, 0, error!)], [], 0);
        using (based)
            return SiteBuilder.Build(options, log, write: false, check: new CheckOptions(day, external, based.Input, baseRef));
    }
}
