namespace SiteGen.Engine;

/// <summary>The absolute folders a build reads from and writes to.</summary>
public sealed record SitePaths(string Input, string Theme, string Output)
{
    public static SitePaths FromArguments(string input, string theme, string output) =>
        new(Path.GetFullPath(input), Path.GetFullPath(theme), Path.GetFullPath(output));

    /// <summary>Absolute path of a file given relative to input/ with '/' separators.</summary>
    public string InputFile(string relative) => Path.Combine(Input, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A file of input/, to be read through <see cref="SourceFiles"/>.</summary>
    public SourceFile InputSource(string relative) => new(Input, relative);

    /// <summary>A file of the theme folder, to be read through <see cref="SourceFiles"/>.</summary>
    public SourceFile ThemeSource(string relative) => new(Theme, relative);

    /// <summary>How to show an input-relative (or absolute) path to the user: relative to where they ran the command.</summary>
    public string Display(string inputRelative)
    {
        if (inputRelative.Length == 0) return inputRelative;
        var full = Path.IsPathRooted(inputRelative) ? inputRelative : InputFile(inputRelative);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace('\\', '/');
    }
}
