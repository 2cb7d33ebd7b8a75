namespace SiteGen.Engine;

/// <summary>
/// The absolute folders a build reads from and writes to. The theme is read file by file: a file
/// of the site's theme folder wins, and every file it does not have comes from the built-in theme
/// shipped with sitegen (<see cref="BuiltInTheme"/>), as MkDocs' custom_dir and Hugo's lookup
/// order do, so a site holds only the theme files it changes.
/// </summary>
public sealed record SitePaths(string Input, string Theme, string Output)
{
    /// <summary>The theme shipped beside the program (theme/ next to sitegen.dll); null when there is none.</summary>
    public string? BuiltInTheme { get; init; } = DefaultBuiltInTheme;

    /// <summary>theme/ beside the running program, when it was shipped with it.</summary>
    public static readonly string? DefaultBuiltInTheme =
        Directory.Exists(Path.Combine(AppContext.BaseDirectory, "theme")) ? Path.Combine(AppContext.BaseDirectory, "theme") : null;

    public static SitePaths FromArguments(string input, string theme, string output) =>
        new(Path.GetFullPath(input), Path.GetFullPath(theme), Path.GetFullPath(output));

    /// <summary>Absolute path of a file given relative to input/ with '/' separators.</summary>
    public string InputFile(string relative) => Path.Combine(Input, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>A file of input/, to be read through <see cref="SourceFiles"/>.</summary>
    public SourceFile InputSource(string relative) => new(Input, relative);

    /// <summary>A theme file, to be read through <see cref="SourceFiles"/>: the site's own, else the built-in one.</summary>
    public SourceFile ThemeSource(string relative)
    {
        var own = new SourceFile(Theme, relative);
        return BuiltInTheme is null || SourceFiles.Exists(own) || !SourceFiles.Exists(new SourceFile(BuiltInTheme, relative))
            ? own : new SourceFile(BuiltInTheme, relative);
    }

    /// <summary>
    /// Every theme file below <paramref name="folder"/> ("partials", "assets"), the site's and the
    /// built-in theme's together, '/'-separated, in ordinal order; names starting with '.' are left out.
    /// </summary>
    public IReadOnlyList<string> ThemeFiles(string folder) =>
        [.. new[] { Theme, BuiltInTheme }.OfType<string>().SelectMany(root => FilesBelow(root, folder))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The theme files below <paramref name="folder"/> that only the site's theme has (usually a misspelt override).</summary>
    public IReadOnlyList<string> ThemeFilesNotBuiltIn(string folder) =>
        BuiltInTheme is null || Path.GetFullPath(BuiltInTheme) == Path.GetFullPath(Theme) ? []
            : [.. FilesBelow(Theme, folder).Except(FilesBelow(BuiltInTheme, folder), StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>The built-in theme's files below <paramref name="folder"/>.</summary>
    public IReadOnlyList<string> BuiltInThemeFiles(string folder) => BuiltInTheme is null ? [] : [.. FilesBelow(BuiltInTheme, folder)];

    /// <summary>The files below <paramref name="folder"/> of <paramref name="root"/>, '/'-separated and relative to the root; dot names left out.</summary>
    public static IEnumerable<string> FilesBelow(string root, string folder)
    {
        var full = Path.Combine(root, folder);
        if (!Directory.Exists(full)) return [];
        return Directory.EnumerateFiles(full, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(root, file).Replace('\\', '/'))
            .Where(relative => !relative.Split('/').Any(part => part.StartsWith('.')));
    }

    /// <summary>How to show an input-relative (or absolute) path to the user: relative to where they ran the command.</summary>
    public string Display(string inputRelative)
    {
        if (inputRelative.Length == 0) return inputRelative;
        var full = Path.IsPathRooted(inputRelative) ? inputRelative : InputFile(inputRelative);
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? full : relative).Replace('\\', '/');
    }
}
