namespace SiteGen.Build;

/// <summary>
/// `sitegen diff OLD NEW` compares two output folders; `sitegen diff --base REF` builds the input
/// folder as the commit had it and as it is now, both with today's generator and theme (so only
/// the content's changes show), into temporary folders, and compares those.
/// </summary>
public static class SiteDiffCommand
{
    public static (SiteDiffResult? Result, string? Error) Run(string? oldOutput, string? newOutput, string? baseRef, BuildOptions options, Log log)
    {
        if (baseRef is null)
        {
            if (oldOutput is null || newOutput is null) return (null, "give two built sites to compare (sitegen diff OLD NEW), or --base REF to build and compare a commit with the input as it is.");
            foreach (var folder in new[] { oldOutput, newOutput })
                if (!Directory.Exists(folder)) return (null, $"'{folder}' is not a folder; build the site into it first (sitegen build --output {folder}).");
            return (SiteDiff.Compare(oldOutput, newOutput), null);
        }
        if (oldOutput is not null) return (null, "with --base, diff builds both sites itself; give no folders.");
        var (based, error) = GitBase.Extract(options.Input, baseRef);
        if (based is null) return (null, error);
        using (based)
        {
            var scratch = Path.Combine(Path.GetTempPath(), "sitegen-diff-" + Guid.NewGuid().ToString("N"));
            try
            {
                var before = Path.Combine(scratch, "before");
                var after = Path.Combine(scratch, "after");
                if (Build(options with { Input = based.Input, Output = before }, log) is { } failedBefore) return (null, $"the site at {baseRef} does not build: {failedBefore}");
                if (Build(options with { Output = after }, log) is { } failedAfter) return (null, $"the site does not build: {failedAfter}");
                return (SiteDiff.Compare(before, after), null);
            }
            finally
            {
                try { Directory.Delete(scratch, recursive: true); } catch (IOException) { }
            }
        }
    }

    /// <summary>Builds the site; null when it built, else its first error.</summary>
    private static string? Build(BuildOptions options, Log log)
    {
        var result = SiteBuilder.Build(options, log);
        return result.ExitCode == BuildResult.Success ? null : result.Diagnostics.FirstOrDefault(d => d.Severity == Severity.Error)?.ToString() ?? "it failed";
    }
}
