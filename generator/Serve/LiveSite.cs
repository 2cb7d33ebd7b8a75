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
    /// <summary>
    /// A file of the site in memory: its text, or the UTF-8 bytes it was made as (the search
    /// index's files, kept as bytes and sent as they are: turning 10 MB of them back into text on
    /// every rebuild cost up to 59 ms of a 1,000-page rebuild), or the input file it is copied from.
    /// </summary>
    public sealed record SiteFile(string? Text, SourceFile? CopyFrom)
    {
        public ReadOnlyMemory<byte> Utf8 { get; init; }

        /// <summary>The file's text, its bytes decoded when it holds bytes; null for a copied file.</summary>
        public string? AsText() => Text ?? (Utf8.IsEmpty ? null : System.Text.Encoding.UTF8.GetString(Utf8.Span));

        public static SiteFile Of(Document d) =>
            d.CopyFrom is not null ? new(null, d.CopyFrom) : d.Utf8.IsEmpty ? new(d.Content, null) : new(null, null) { Utf8 = d.Utf8 };
    }

    private volatile IReadOnlyDictionary<string, SiteFile> _files = new Dictionary<string, SiteFile>();
    private volatile IReadOnlyList<Diagnostic> _errors = [];
    private readonly object _building = new();

    /// <summary>What the last build made, so the next one redoes only the pages an edit touched.</summary>
    private readonly BuildCache _cache = new();

    public IReadOnlyList<Diagnostic> Errors => _errors;

    public SiteFile? Find(string outputPath) => _files.GetValueOrDefault(outputPath);

    /// <summary>Every published path, in order (for tests and tools comparing with a full build).</summary>
    public IReadOnlyList<string> Paths => [.. _files.Keys.Order(StringComparer.Ordinal)];

    /// <summary>How many page results the last build reused from the one before, and how many it made anew.</summary>
    public (int Reused, int Made) LastBuild => _cache.LastBuild;

    /// <summary>Bytes the last build allocated, for <see cref="IdleCollector"/> to set aside as much for the next.</summary>
    public long LastAllocated { get; private set; }

    private IReadOnlyList<LaterWork> _later = [];

    /// <summary>
    /// Builds again (one build at a time) and shows the result; returns the findings of this build.
    /// Work the build left for later (the search index) waits for <see cref="CompleteLater"/>.
    /// </summary>
    public BuildResult Rebuild() => Rebuild(() => true)!;

    /// <summary>
    /// Builds again and shows the result only if <paramref name="settled"/> says the files did not
    /// change while it was made (<see cref="SiteWatcher"/>); null when it was not shown.
    /// </summary>
    public BuildResult? Rebuild(Func<bool> settled)
    {
        lock (_building)
        {
            var allocated = GC.GetTotalAllocatedBytes();
            var result = SiteBuilder.Build(options, log, write: false, cache: _cache);
            LastAllocated = GC.GetTotalAllocatedBytes() - allocated;
            if (!settled()) return null;
            if (result.ExitCode == BuildResult.Success)
            {
                // The build reports two files on one path as an error; should one ever get through, the first is shown.
                var files = new Dictionary<string, SiteFile>(StringComparer.Ordinal);
                foreach (var d in result.Documents.Where(d => d.OutputPath.Length > 0))
                    files.TryAdd(d.OutputPath, SiteFile.Of(d));
                _files = files;
                _errors = [];
                _later = result.Later;
            }
            else
            {
                _errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
            }
            return result;
        }
    }

    /// <summary>Does the work the last build left for later, and shows its results in place of the stand-ins; the cache lets go of what the build did not use.</summary>
    public void CompleteLater()
    {
        lock (_building)
        {
            _cache.Sweep();
            if (_later.Count == 0) return;
            var files = new Dictionary<string, SiteFile>(_files, StringComparer.Ordinal);
            foreach (var work in _later)
            {
                foreach (var standIn in work.StandIns) files.Remove(standIn.OutputPath);
                foreach (var made in work.Run()) files[made.OutputPath] = SiteFile.Of(made);
            }
            _later = [];
            _files = files;
        }
    }
}
