using SiteGen.Build;
using SiteGen.Engine;

namespace SiteGen.Serve;

/// <summary>
/// The site as `sitegen serve` shows it: the files of the last good build, held in memory, and
/// the errors of the latest build if it failed. A failed build never replaces the last good
/// version, so the browser keeps showing a working page while the editor fixes the mistake.
/// </summary>
public sealed class LiveSite(BuildOptions options, Log log)
{
    /// <summary>One published file: its text, or the file it is copied from.</summary>
    public sealed record SiteFile(string? Text, string? CopyFrom);

    private volatile IReadOnlyDictionary<string, SiteFile> _files = new Dictionary<string, SiteFile>();
    private volatile IReadOnlyList<Diagnostic> _errors = [];
    private readonly object _building = new();

    public IReadOnlyList<Diagnostic> Errors => _errors;

    public SiteFile? Find(string outputPath) => _files.GetValueOrDefault(outputPath);

    /// <summary>Builds again (one build at a time); returns the findings of this build.</summary>
    public BuildResult Rebuild()
    {
        lock (_building)
        {
            var result = SiteBuilder.Build(options, log, write: false);
            if (result.ExitCode == BuildResult.Success)
            {
                _files = result.Documents.Where(d => d.OutputPath.Length > 0)
                    .ToDictionary(d => d.OutputPath, d => new SiteFile(d.CopyFrom is null ? d.Content : null, d.CopyFrom), StringComparer.Ordinal);
                _errors = [];
            }
            else
            {
                _errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            }
            return result;
        }
    }
}
