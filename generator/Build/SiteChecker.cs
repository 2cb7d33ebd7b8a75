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
    public static BuildResult Check(BuildOptions options, ExternalLinkOptions? external, Log log, DateOnly? today = null) =>
        SiteBuilder.Build(options, log, write: false, check: new CheckOptions(today ?? DateOnly.FromDateTime(DateTime.UtcNow), external));
}
