using SiteGen.Checks;
using SiteGen.Checks.External;
using SiteGen.Engine;

namespace SiteGen.Build;

/// <summary>
/// `sitegen check`: runs the build's recipe in memory (so every finding can name its Markdown
/// line), checks that the output folder is current and that no page's review is overdue, and
/// with --external checks the links that
/// leave the site. Exit code 0 when clean, 1 when any error was found.
/// </summary>
public static class SiteChecker
{
    public static BuildResult Check(BuildOptions options, ExternalLinkOptions? external, Log log, DateOnly? today = null) =>
        SiteBuilder.Build(options, log, write: false, afterRecipe: async (documents, context) =>
        {
            CheckOutputIsCurrent.Run(documents, context);
            CheckReviewDates.Run(documents, context, today ?? DateOnly.FromDateTime(DateTime.UtcNow));
            if (external is not null) await CheckExternalLinks.RunAsync(documents, context, external);
        });
}
