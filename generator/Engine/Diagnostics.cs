using System.Collections.Concurrent;

namespace SiteGen.Engine;

public enum Severity { Warning, Error }

/// <summary>A finding tied to a place in a source file, printed the way compilers print them.</summary>
public sealed record Diagnostic(Severity Severity, string File, int Line, int Column, string Message, string? Rule = null)
{
    public override string ToString()
    {
        var where = File.Length == 0 ? "sitegen" : Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return $"{where}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
    }
}

/// <summary>
/// Collects findings from every module (safely from parallel work) so a build reports them all
/// before it fails, instead of stopping at the first.
/// </summary>
public sealed class Diagnostics
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    /// <summary>Converts input-relative paths into the path the user typed, for clickable messages.</summary>
    private readonly Func<string, string> _displayPath;

    /// <summary>With --strict every warning is an error, so CI can refuse anything doubtful.</summary>
    private readonly bool _strict;

    public Diagnostics(Func<string, string>? displayPath = null, bool strict = false)
    {
        _displayPath = displayPath ?? (p => p);
        _strict = strict;
    }

    public void Error(string file, int line, int column, string message) =>
        Add(new Diagnostic(Severity.Error, _displayPath(file), line, column, message));

    public void Warning(string file, int line, int column, string message) =>
        Add(new Diagnostic(_strict ? Severity.Error : Severity.Warning, _displayPath(file), line, column, message), promoted: _strict);

    public void Error(string message) => Add(new Diagnostic(Severity.Error, "", 0, 0, message));

    /// <summary>Findings made on this thread since <see cref="Record"/>, so a cached result can report them again.</summary>
    [ThreadStatic] private static List<Diagnostic>? _recording;

    private int _errors;

    /// <summary>Errors that are errors without --strict: only these stop the build early.</summary>
    private int _stopping;

    private void Add(Diagnostic diagnostic, bool promoted = false)
    {
        if (diagnostic.Severity == Severity.Error) Interlocked.Increment(ref _errors);
        if (diagnostic.Severity == Severity.Error && !promoted) Interlocked.Increment(ref _stopping);
        _items.Enqueue(diagnostic);
        _recording?.Add(diagnostic);
    }

    /// <summary>Starts recording this thread's findings; the returned list fills until it is disposed.</summary>
    public static Recording Record() => new(_recording = []);

    public sealed class Recording(List<Diagnostic> findings) : IDisposable
    {
        public IReadOnlyList<Diagnostic> Findings => findings;
        public void Dispose() => _recording = null;
    }

    /// <summary>Reports findings again, as they were first reported (for results reused from a cache).</summary>
    public void Replay(IEnumerable<Diagnostic> findings)
    {
        foreach (var finding in findings) Add(finding);
    }

    /// <summary>Severities the site chose for named checks (site.yml 'checks:'); null means "off".</summary>
    private IReadOnlyDictionary<string, Severity?> _ruleSeverities = new Dictionary<string, Severity?>();

    public void UseRuleSeverities(IReadOnlyDictionary<string, Severity?> severities) => _ruleSeverities = severities;

    /// <summary>A finding of a named check, at the severity the site configured (or its default).</summary>
    public void Report(string rule, string file, int line, int column, string message)
    {
        Severity? severity = _ruleSeverities.TryGetValue(rule, out var configured) ? configured
            : CheckRule.Defaults.GetValueOrDefault(rule, Severity.Error);
        if (severity is null) return;
        var promoted = _strict && severity == Severity.Warning;
        Add(new Diagnostic(promoted ? Severity.Error : severity.Value, _displayPath(file), line, column, message, rule), promoted);
    }

    /// <summary>True when <paramref name="file"/> already has an error, so later modules need not pile on.</summary>
    public bool HasErrorFor(string file)
    {
        var shown = _displayPath(file);
        return _items.Any(d => d.Severity == Severity.Error && d.File == shown);
    }

    public bool HasErrors => Volatile.Read(ref _errors) > 0;

    /// <summary>
    /// Errors that stop the build after its settings are read: not warnings --strict made errors,
    /// so a strict check still checks every page (and still fails, and a strict build never publishes).
    /// </summary>
    public bool HasStoppingErrors => Volatile.Read(ref _stopping) > 0;

    /// <summary>All findings in a stable order (file, line, column), whatever order threads added them.</summary>
    public IReadOnlyList<Diagnostic> All =>
        _items.Distinct()
              .OrderBy(d => d.File, StringComparer.Ordinal)
              .ThenBy(d => d.Line).ThenBy(d => d.Column)
              .ThenBy(d => d.Message, StringComparer.Ordinal)
              .ToList();
}
