namespace SiteGen.Engine;

/// <summary>Where progress and timing lines go; quiet unless --verbose.</summary>
public sealed class Log(TextWriter writer, bool verbose)
{
    public static readonly Log Silent = new(TextWriter.Null, false);

    public bool Verbose { get; } = verbose;

    public void Debug(string line)
    {
        if (Verbose) lock (writer) writer.WriteLine(line);
    }

    public void Info(string line)
    {
        lock (writer) writer.WriteLine(line);
    }
}
