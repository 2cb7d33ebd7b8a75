namespace SiteGen.Engine;

/// <summary>
/// Page-relative URLs between output files: the one scheme that works at a domain root, under a
/// subpath and from file://.
/// </summary>
public static class UrlPaths
{
    /// <summary>The relative URL from the page at <paramref name="fromOutput"/> to <paramref name="toOutput"/>.</summary>
    public static string Relative(string fromOutput, string toOutput)
    {
        var fromParts = fromOutput.Split('/');
        var toParts = toOutput.Split('/');
        var common = 0;
        while (common < fromParts.Length - 1 && common < toParts.Length - 1 &&
               fromParts[common] == toParts[common]) common++;
        var ups = fromParts.Length - 1 - common;
        var tail = string.Join('/', toParts.Skip(common).Select(Uri.EscapeDataString));
        return string.Concat(Enumerable.Repeat("../", ups)) + tail;
    }

    /// <summary>
    /// The scheme of a URL ("https", "mailto", "javascript"), lower-cased, or null for a relative
    /// URL. Whitespace and control characters are ignored, as browsers ignore them.
    /// </summary>
    public static string? Scheme(string url)
    {
        var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
        var colon = compact.IndexOf(':');
        var stop = compact.IndexOfAny(['/', '?', '#']);
        return colon > 0 && (stop < 0 || colon < stop) ? compact[..colon] : null;
    }

    /// <summary>The published URL of a page, when the site's base URL is known; "index.html" is left off.</summary>
    public static string? Absolute(string? baseUrl, string outputPath)
    {
        if (baseUrl is null) return null;
        var path = outputPath == "index.html" ? "" :
            outputPath.EndsWith("/index.html", StringComparison.Ordinal) ? outputPath[..^"index.html".Length] : outputPath;
        return baseUrl + string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>"../" once per folder level of the page: the prefix that reaches the site root.</summary>
    public static string RootPrefix(string fromOutput) =>
        string.Concat(Enumerable.Repeat("../", fromOutput.Count(c => c == '/')));

    /// <summary>Resolves a relative reference against the folder of <paramref name="fromPath"/>;
    /// null when it climbs above the root.</summary>
    public static string? Resolve(string fromPath, string relative)
    {
        var parts = new List<string>(fromPath.Split('/')[..^1]);
        foreach (var part in relative.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
            }
            else parts.Add(part);
        }
        return string.Join('/', parts);
    }

    /// <summary>
    /// A character that a file name may not hold, described for a message; null when the name is
    /// fine. '#', '?' and '%' end or escape a URL's path, '\\' is a separator on some hosts, and
    /// control characters cannot be typed or shown.
    /// </summary>
    public static string? UnsafeNameCharacter(string path)
    {
        foreach (var c in path)
        {
            if (c is '#' or '?' or '%' or '\\') return $"'{c}'";
            if (char.IsControl(c)) return $"the control character U+{(int)c:X4}";
        }
        return null;
    }
}
