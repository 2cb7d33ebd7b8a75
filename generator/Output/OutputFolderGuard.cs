using SiteGen.Engine;

namespace SiteGen.Output;

/// <summary>
/// Refuses output folders whose replacement would destroy something: the input or theme folder,
/// a folder that contains them or the repository, a folder inside input/, or an existing folder
/// that a previous build did not write (it would be replaced whole).
/// </summary>
public static class OutputFolderGuard
{
    /// <summary>A file every build writes, so a later build knows the folder is its own to replace.</summary>
    public const string Marker = ".sitegen-output";

    public static string? Problem(SitePaths paths)
    {
        if (paths.Output.Trim().Length == 0 || Path.GetFileName(Normalize(paths.Output)).Length == 0)
            return "the output folder is empty or a root folder; pass a folder such as 'output'.";
        // Replacing a link would delete inside the folder it points to, which may be anything.
        if (new DirectoryInfo(Normalize(paths.Output)).LinkTarget is { } target)
            return $"the output folder '{paths.Output}' is a symbolic link (to '{target}'); pass the folder itself.";
        var output = Normalize(SourceFiles.Canonical(paths.Output));
        foreach (var (name, folder) in new[] { ("input", paths.Input), ("theme", paths.Theme) })
        {
            var other = Normalize(SourceFiles.Canonical(folder));
            if (IsSameOrInside(other, output))
                return $"the output folder '{paths.Output}' is, or contains, the {name} folder; choose a separate folder such as 'output'.";
        }
        if (IsSameOrInside(output, Normalize(SourceFiles.Canonical(paths.Input))))
            return $"the output folder '{paths.Output}' is inside the input folder; its pages would be read back as content.";
        if (IsSameOrInside(output, Normalize(SourceFiles.Canonical(paths.Theme))))
            return $"the output folder '{paths.Output}' is inside the theme folder; its files would be published again inside the next build.";
        if ((RepositoryRoot(paths.Input) is { } repository && IsSameOrInside(Normalize(repository), output)) ||
            Directory.Exists(Path.Combine(output, ".git")) || File.Exists(Path.Combine(output, ".git")))
            return $"the output folder '{paths.Output}' is, or contains, the repository root; choose a folder such as 'output'.";
        if (Directory.Exists(paths.Output) && Directory.EnumerateFileSystemEntries(paths.Output).Any() &&
            !File.Exists(Path.Combine(paths.Output, Marker)))
            return $"the output folder '{paths.Output}' already holds files that sitegen did not write; " +
                   "the build replaces the whole folder, so empty it, or choose another with --output.";
        return null;
    }

    private static string Normalize(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or lies below it.</summary>
    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || folder == "/";

    private static string? RepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            if (Directory.Exists(Path.Combine(folder.FullName, ".git")) || File.Exists(Path.Combine(folder.FullName, ".git")))
                return folder.FullName;
        return null;
    }
}
