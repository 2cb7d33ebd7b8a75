using System.Runtime.CompilerServices;

namespace SiteGen.Engine;

/// <summary>
/// Where progress and timing lines go. Timing lines appear only with --verbose. Progress appears
/// only once a build has run longer than <see cref="ProgressAfter"/>, so quick builds print just
/// their summary: a bar redrawn in place on a terminal, plain phase lines when output is redirected.
/// </summary>
public sealed class Log(TextWriter writer, bool verbose, TextWriter? progress = null, bool interactive = false)
{
    public static readonly Log Silent = new(TextWriter.Null, false);

    public bool Verbose { get; } = verbose;

    public TimeSpan ProgressAfter { get; init; } = TimeSpan.FromSeconds(3);

    private string? _lastPhase;
    private bool _barShown;

    public void Debug(string line)
    {
        if (Verbose) lock (writer) writer.WriteLine(line);
    }

    /// <summary>
    /// A timing line written as an interpolated string: without --verbose its values are never
    /// read nor formatted (some are costly: the process's size is read from the system), so
    /// callers need no check of their own.
    /// </summary>
    public void Debug([InterpolatedStringHandlerArgument("")] ref DebugLine line)
    {
        if (Verbose) Debug(line.ToStringAndClear());
    }

    /// <summary>Builds a <see cref="Debug(ref DebugLine)"/> line only when the log is verbose.</summary>
    [InterpolatedStringHandler]
    public ref struct DebugLine
    {
        private DefaultInterpolatedStringHandler _text;

        public DebugLine(int literalLength, int formattedCount, Log log, out bool verbose)
        {
            verbose = log.Verbose;
            _text = verbose ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);
        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);
        public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);
        public void AppendFormatted<T>(T value, int alignment) => _text.AppendFormatted(value, alignment);
        public void AppendFormatted<T>(T value, int alignment, string? format) => _text.AppendFormatted(value, alignment, format);
        public string ToStringAndClear() => _text.ToStringAndClear();
    }

    public void Info(string line)
    {
        lock (writer) writer.WriteLine(line);
    }

    /// <summary>Reports that module <paramref name="step"/> of <paramref name="total"/> is starting.</summary>
    public void Progress(Phase phase, int step, int total, string module, TimeSpan elapsed)
    {
        if (progress is null || elapsed < ProgressAfter) return;
        lock (writer)
        {
            if (interactive)
            {
                const int width = 24;
                var filled = width * step / Math.Max(1, total);
                progress.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {step}/{total} {module,-24}");
                progress.Flush();
                _barShown = true;
            }
            else if (_lastPhase != phase.ToString())
            {
                progress.WriteLine($"sitegen: {phase} phase ({elapsed.TotalSeconds:0.0} s so far)");
            }
            _lastPhase = phase.ToString();
        }
    }

    /// <summary>Removes the bar so the summary line starts on a clean line.</summary>
    public void EndProgress()
    {
        if (progress is null || !_barShown) return;
        lock (writer)
        {
            progress.Write("\r" + new string(' ', 60) + "\r");
            progress.Flush();
            _barShown = false;
        }
    }
}
