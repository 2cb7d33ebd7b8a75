using System.Diagnostics;
using SiteGen.Output;

namespace SiteGen.Build;

/// <summary>
/// Runs the recipe for `sitegen build` (and, through <see cref="SiteChecker"/>, `sitegen check`):
/// checks the folders it was given, runs every step, and turns any failure into diagnostics and
/// an exit code. Users never see a stack trace unless they ask for --verbose.
/// </summary>
public static class SiteBuilder
{
    /// <param name="write">Whether to write and publish the site (`build`); `check`, `serve` and tests build in memory.</param>
    /// <param name="check">The checks only `sitegen check` runs; null for a build.</param>
    /// <param name="cache">Results of the previous build to reuse (`serve`); only for builds that do not write.</param>
    public static BuildResult Build(BuildOptions options, Log log, bool write = true, CheckOptions? check = null, BuildCache? cache = null)
    {
        var watch = Stopwatch.StartNew();
        // No theme folder of the site's own (the default 'theme' missing): the built-in theme alone.
        var themeFolder = options.Theme == BuildOptions.DefaultTheme && !Directory.Exists(options.Theme) && SitePaths.DefaultBuiltInTheme is { } builtIn
            ? builtIn : options.Theme;
        var paths = SitePaths.FromArguments(options.Input, themeFolder, options.Output);
        var diagnostics = new Diagnostics(paths.Display, options.Strict);

        if (!Directory.Exists(paths.Input))
            return Fail(BuildResult.UsageError, $"input folder '{options.Input}' does not exist; run from the repository root or pass --input.");
        if (!Directory.Exists(paths.Theme))
            return Fail(BuildResult.UsageError, $"theme folder '{options.Theme}' does not exist; run from the repository root or pass --theme.");
        if (write && OutputFolderGuard.Problem(paths) is { } problem)
            return Fail(BuildResult.UsageError, problem);

        IReadOnlyList<Document> documents = [];
        var later = write || cache is null ? null : new System.Collections.Concurrent.ConcurrentQueue<LaterWork>();
        var context = new BuildContext
        {
            Paths = paths, Diagnostics = diagnostics, Log = log, Cache = write ? null : cache, Later = later, DiskCache = DiskCache.At(options.CacheFolder),
            Parallelism = new ParallelOptions { MaxDegreeOfParallelism = options.Workers ?? Environment.ProcessorCount },
        };
        try
        {
            documents = SiteRecipe.Create(new RecipeOptions(options.BaseUrl, write, check, options.Repository)).Run(context);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            log.Debug(ex.ToString());
            diagnostics.Error($"could not write the site: {ex.Message}. The previous output was left as it was.");
        }
        finally
        {
            context.Staging?.Discard(); // a no-op once published
            cache?.EndBuild();
        }
        var code = diagnostics.HasErrors ? BuildResult.ContentErrors : BuildResult.Success;
        return new BuildResult(code, diagnostics.All, documents, watch.ElapsedMilliseconds) { Later = later is null ? [] : [.. later], Config = context.Config, Paths = paths };

        BuildResult Fail(int exitCode, string message)
        {
            diagnostics.Error(message);
            return new BuildResult(exitCode, diagnostics.All, [], watch.ElapsedMilliseconds);
        }
    }
}
