namespace SiteGen.Engine;

/// <summary>What a URL written in a page, or asked of the dev server, points to.</summary>
public enum UrlKind
{
    /// <summary>"#part" or "?q": the page itself.</summary>
    SamePage,
    /// <summary>Another site (a scheme, or "//host").</summary>
    External,
    /// <summary>"/path": breaks under a subpath and from disk.</summary>
    RootRelative,
    /// <summary>"../" past the site's root.</summary>
    OutsideRoot,
    /// <summary>A file of the site: <see cref="LocalUrl.Path"/>.</summary>
    Local,
}

/// <summary>
/// A URL located against the page it is written on: its kind, the site path it leads to
/// ("evidence/index.html" for "evidence/"), and its fragment as written ("#part", or "").
/// </summary>
public readonly record struct LocalUrl(UrlKind Kind, string Path, string Fragment)
{
    /// <summary>The fragment without '#' and with %-escapes decoded, as an id is compared.</summary>
    public string FragmentId => Fragment.Length == 0 ? "" : Uri.UnescapeDataString(Fragment[1..]);
}

/// <summary>
/// Page-relative URLs between output files: the one scheme that works at a domain root, under a
/// subpath and from file://.
/// </summary>
public static class UrlPaths
{
    /// <summary>The relative URL from the page at <paramref name="fromOutput"/> to <paramref name="toOutput"/>.</summary>
    /// <remarks>
    /// Called for every link of every page and sidebar (a million times on a 10,000-page site), so
    /// it walks the two paths in place instead of splitting them: the folders both start with are
    /// left out, one "../" climbs each folder left of the page, and the rest of the target follows,
    /// each segment escaped as a URL's data.
    /// </remarks>
    public static string Relative(string fromOutput, string toOutput)
    {
        var start = 0; // where the first folder the two paths do not share begins, the same in both
        while (true)
        {
            var fromEnd = fromOutput.IndexOf('/', start);
            var toEnd = toOutput.IndexOf('/', start);
            if (fromEnd < 0 || fromEnd != toEnd || !fromOutput.AsSpan(start, fromEnd - start).SequenceEqual(toOutput.AsSpan(start, toEnd - start))) break;
            start = fromEnd + 1;
        }
        var ups = fromOutput.AsSpan(start).Count('/');
        var tail = toOutput.AsSpan(start);
        var escaped = tail.ContainsAnyExcept(UrlSafe) ? Escape(tail.ToString()) : null;
        if (ups == 0) return escaped ?? (start == 0 ? toOutput : tail.ToString());
        return string.Concat(Climb(ups), escaped ?? tail);
    }

    /// <summary>What Uri.EscapeDataString leaves as it is (RFC 3986's unreserved characters), and the path's own '/'.</summary>
    private static readonly System.Buffers.SearchValues<char> UrlSafe =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~/");

    /// <summary>
    /// The scheme of a URL ("https", "mailto", "javascript"), lower-cased, or null for a relative
    /// URL. Whitespace and control characters are ignored, as browsers ignore them. One pass that
    /// copies nothing unless there is a scheme: it runs for every link of every page.
    /// </summary>
    public static string? Scheme(string url)
    {
        var kept = 0; // characters before this one that are not ignored
        for (var i = 0; i < url.Length; i++)
        {
            var c = url[i];
            if (Ignored(c)) continue;
            if (c == ':') return kept == 0 ? null : WithoutIgnored(url.AsSpan(0, i)).ToLowerInvariant();
            if (c is '/' or '?' or '#') return null;
            kept++;
        }
        return null;

        static bool Ignored(char c) => char.IsWhiteSpace(c) || char.IsControl(c);
        static string WithoutIgnored(ReadOnlySpan<char> text)
        {
            var compact = new System.Text.StringBuilder(text.Length);
            foreach (var c in text)
                if (!Ignored(c)) compact.Append(c);
            return compact.ToString();
        }
    }

    /// <summary>The published URL of a page, when the site's base URL is known; "index.html" is left off.</summary>
    public static string? Absolute(string? baseUrl, string outputPath)
    {
        if (baseUrl is null) return null;
        var path = outputPath == "index.html" ? "" :
            outputPath.EndsWith("/index.html", StringComparison.Ordinal) ? outputPath[..^"index.html".Length] : outputPath;
        return baseUrl + Escape(path);
    }

    /// <summary>A path inside the site as a URL path: each segment percent-encoded, so a space or '#' cannot break a link.</summary>
    public static string Escape(string path) => string.Join('/', path.Split('/').Select(Uri.EscapeDataString));

    /// <summary>"../" once per folder level of the page: the prefix that reaches the site root.</summary>
    public static string RootPrefix(string fromOutput) => Climb(fromOutput.Count(c => c == '/'));

    private static string Climb(int levels) => string.Concat(Enumerable.Repeat("../", levels));

    /// <summary>The folder of an output path, with its final '/' ("a/b/" for "a/b/c.html"), or "" at the root.</summary>
    public static string Folder(string outputPath) => outputPath[..(outputPath.LastIndexOf('/') + 1)];

    /// <summary>
    /// The one reading of a URL every part of SiteGen uses (links in Markdown, links in built
    /// pages, requests to the dev server): scheme or "//" is external; "#x" and "?q" stay on the
    /// page; a leading '/' is refused; the query is dropped; %-escapes are decoded; ".." may not
    /// climb above the root; a folder ("a/" or the root) means its index.html.
    /// </summary>
    /// <param name="fromPath">The path of the file the URL is written in (its folder is the base), or a folder ending in '/'.</param>
    public static LocalUrl Locate(string fromPath, string url)
    {
        if (url.StartsWith("//", StringComparison.Ordinal) || Scheme(url) is not null) return new(UrlKind.External, "", "");
        var hash = url.IndexOf('#');
        var path = hash < 0 ? url : url[..hash];
        var fragment = hash < 0 ? "" : url[hash..];
        if (path.IndexOf('?') is var query and >= 0) path = path[..query];
        if (path.Length == 0) return new(UrlKind.SamePage, "", fragment);
        if (path.StartsWith('/')) return new(UrlKind.RootRelative, "", fragment);
        var resolved = Resolve(fromPath, Uri.UnescapeDataString(path));
        if (resolved is null) return new(UrlKind.OutsideRoot, "", fragment);
        return new(UrlKind.Local, path.EndsWith('/') || resolved.Length == 0 ? FolderIndex(resolved) : resolved, fragment);
    }

    /// <summary>The page a folder's URL shows: "a/b" -> "a/b/index.html", the root -> "index.html".</summary>
    public static string FolderIndex(string folder) => folder.Length == 0 ? "index.html" : folder.TrimEnd('/') + "/index.html";

    /// <summary>
    /// A file or folder name's number prefix and the name without it: "03-evidence" -> ("03", "evidence").
    /// The number orders pages in their folder and is dropped from the URL.
    /// </summary>
    public static (string? Number, string Name) NumberPrefix(string segment)
    {
        var digits = 0;
        while (digits < segment.Length && char.IsAsciiDigit(segment[digits])) digits++;
        return digits > 0 && digits < segment.Length - 1 && segment[digits] is '-' or '_' or ' '
            ? (segment[..digits], segment[(digits + 1)..]) : (null, segment);
    }

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
