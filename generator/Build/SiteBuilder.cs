using System.Diagnostics;
using SiteGen.Citations;
using SiteGen.Content;
using SiteGen.Engine;
using SiteGen.Output;

namespace SiteGen.Build;

/// <summary>
/// Runs the recipe for `sitegen build`: checks the folders, reads site.yml, runs every phase, and
/// turns any failure into diagnostics and an exit code. Users never see a stack trace unless
/// they ask for --verbose.
/// </summary>
public static class SiteBuilder
{
    /// <param name="afterRecipe">More checks on the finished documents (used by `sitegen check`).</param>
    /// <param name="cache">Results of the previous build to reuse (`serve`); only for builds that do not write.</param>
    public static BuildResult Build(BuildOptions options, Log log, bool write = true,
        Func<IReadOnlyList<Document>, BuildContext, Task>? afterRecipe = null, BuildCache? cache = null)
    {
        var watch = Stopwatch.StartNew();
        var paths = SitePaths.FromArguments(options.Input, options.Theme, options.Output);
        var diagnostics = new Diagnostics(paths.Display, options.Strict);

        if (!Directory.Exists(paths.Input))
            return Fail(BuildResult.UsageError, $"input folder '{options.Input}' does not exist; run from the repository root or pass --input.");
        if (!Directory.Exists(paths.Theme))
            return Fail(BuildResult.UsageError, $"theme folder '{options.Theme}' does not exist; run from the repository root or pass --theme.");
        if (write && OutputFolderGuard.Problem(paths) is { } problem)
            return Fail(BuildResult.UsageError, problem);

        var config = ReadSiteConfig.Read(paths, diagnostics, options.BaseUrl);
        var citations = LoadCitations.Load(paths, diagnostics);
        IReadOnlyList<Document> documents = [];
        var later = write || cache is null ? null : new System.Collections.Concurrent.ConcurrentQueue<LaterWork>();
        if (!diagnostics.HasErrors)
        {
            SiteStaging? staging = null;
            try
            {
                if (write) staging = SiteStaging.Create(paths.Output);
                var context = new BuildContext
                {
                    Paths = paths, Config = config, Diagnostics = diagnostics, Log = log, Citations = citations, Staging = staging,
                    Cache = write ? null : cache, Later = later,
                    Parallelism = new ParallelOptions { MaxDegreeOfParallelism = options.Workers ?? Environment.ProcessorCount },
                };
                documents = SiteRecipe.Create().Run(context);
                if (afterRecipe is not null && documents.Count > 0) afterRecipe(documents, context).GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                log.Debug(ex.ToString());
                diagnostics.Error($"could not write the site: {ex.Message}. The previous output was left as it was.");
            }
            finally
            {
                staging?.Discard(); // a no-op once published
                cache?.EndBuild();
            }
        }
        var code = diagnostics.HasErrors ? BuildResult.ContentErrors : BuildResult.Success;
        return new BuildResult(code, diagnostics.All, documents, watch.ElapsedMilliseconds) { Later = later is null ? [] : [.. later] };

        BuildResult Fail(int exitCode, string message)
        {
            diagnostics.Error(message);
            return new BuildResult(exitCode, diagnostics.All, [], watch.ElapsedMilliseconds);
        }
    }
}
