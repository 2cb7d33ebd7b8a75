namespace SiteGen.Content;

/// <summary>
/// An old path of the site, as front matter 'redirect_from' and site.yml 'redirects' write it, as
/// the output path a redirect page goes to: "old-name" is old-name.html,
/// "old/folder/" is old/folder/index.html. Nothing outside the site: no scheme, no "..".
/// </summary>
public static class RedirectPaths
{
    public static string? OutputPath(string written)
    {
        var path = written.Trim().Replace('\\', '/').TrimStart('/');
        if (path.Length == 0 || path.Contains("://", StringComparison.Ordinal) || path.StartsWith("//", StringComparison.Ordinal) || path.Contains(':') ||
            path.Contains('?') || path.Contains('#') || path.Any(char.IsControl))
            return null;
        var segments = path.TrimEnd('/').Split('/');
        if (!segments.All(SourceFiles.IsPublishedName)) return null;
        if (path.EndsWith('/')) return path + "index.html";
        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension switch
        {
            ".html" or ".htm" => path,
            "" => path + ".html",
            _ => null,
        };
    }

    public static string Problem(string written) =>
        $"'{written}' is not a path of this site; write the old path inside the site, such as 'old-name.html' or 'old/folder/' " +
        "(no https://, no '..', no '?' or '#', and no folder or file starting with '.' or '_').";
}
