namespace SiteGen.Content;

/// <summary>
/// `sitegen theme eject [file]`: copies a file of the built-in theme into the site's theme folder,
/// where the site's copy then replaces it; with no file, lists the files that can be ejected.
/// Never overwrites the site's own copy.
/// </summary>
public static class EjectThemeFile
{
    public sealed record Result(string? Written, IReadOnlyList<string> Available, string? Error);

    public static Result Eject(string? builtInTheme, string siteTheme, string? file)
    {
        if (builtInTheme is null) return new(null, [], "this sitegen has no built-in theme to copy from; reinstall it.");
        var available = SitePaths.FilesBelow(builtInTheme, "partials").Concat(SitePaths.FilesBelow(builtInTheme, "assets")).Append(ThemeTemplates.LayoutFile)
            .Order(StringComparer.Ordinal).ToList();
        if (file is null) return new(null, available, null);
        var relative = file.Replace('\\', '/').TrimStart('/');
        if (relative.StartsWith("theme/", StringComparison.Ordinal)) relative = relative["theme/".Length..];
        if (!available.Contains(relative))
            return new(null, available, $"the built-in theme has no '{file}'" +
                                        (Suggest.Closest(relative, available) is { } near ? $" (did you mean '{near}'?)" : "; run 'sitegen theme eject' to list its files."));
        var target = Path.Combine(siteTheme, relative);
        if (File.Exists(target)) return new(null, available, $"'{Path.Combine(siteTheme, relative)}' exists already; the site's copy is the one in use, so it is left as it is.");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(builtInTheme, relative), target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(null, available, $"cannot copy the file: {ex.Message}");
        }
        return new(target, available, null);
    }
}
