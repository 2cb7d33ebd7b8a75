using System.Runtime.InteropServices;

namespace SiteGen.Engine;

/// <summary>A file of the site's sources: its folder (input/ or theme/) and its '/'-separated path inside it.</summary>
public sealed record SourceFile(string Root, string Relative)
{
    public string FullPath => Path.Combine(Root, Relative.Replace('/', Path.DirectorySeparatorChar));

    public override string ToString() => FullPath;
}

/// <summary>
/// The one rule for reading a source file, whether to parse it, copy it or serve it. A file is
/// refused when it, or a folder on its way, is a symbolic link that leads outside its root folder
/// (names starting with '_' included: a partial linked to /proc/self/environ would print the
/// build's secrets on every page), when it is not a regular file (a device, a pipe or a socket:
/// reading one hangs or never ends), or when it is larger than the limit for its kind.
/// </summary>
public static partial class SourceFiles
{
    /// <summary>The largest page, partial, template or data file read as text (README, "Limits").</summary>
    public const long MaxTextBytes = 16L << 20;

    /// <summary>The largest file copied as it is (images, PDFs).</summary>
    public const long MaxCopiedBytes = 256L << 20;

    /// <summary>
    /// A folder or file name the site publishes: not empty, '.' or '..', and not starting with '_'
    /// (partials, data, drafts) or '.' (hidden files). The one rule for pages, site files named in
    /// site.yml, new pages and old paths kept by redirects.
    /// </summary>
    public static bool IsPublishedName(string name) => name is not ("" or "." or "..") && !name.StartsWith('_') && !name.StartsWith('.');

    /// <summary>Why <paramref name="file"/> may not be read, or null when it may.</summary>
    public static string? Problem(SourceFile file, long maxBytes)
    {
        var root = CanonicalRoot(file.Root);
        var current = root;
        var segments = file.Relative.Split('/');
        foreach (var folder in segments[..^1])
        {
            var (path, type, _, _, problem) = Follow(Path.Combine(current, folder), root, file.Root);
            if (problem is not null) return problem;
            if (type != FileType.Directory) return "a folder on its path is not a folder.";
            current = path;
        }
        return FileProblem(Path.Combine(current, segments[^1]), root, file.Root, maxBytes, out _);
    }

    /// <summary>
    /// <see cref="Problem"/> for a file found by listing the folders of its root, each folder
    /// entered only when it stays inside (ReadPages): the file itself is examined, with one lstat
    /// instead of one for every folder on its path (a 1,000-page site has 3,000 of them), and its
    /// <paramref name="stamp"/> comes with it, as <see cref="BuildCache.FileStamp"/> gives it.
    /// </summary>
    public static string? ProblemOfListed(SourceFile file, long maxBytes, out string stamp)
    {
        var root = CanonicalRoot(file.Root);
        var problem = FileProblem(Path.Combine(root, file.Relative.Replace('/', Path.DirectorySeparatorChar)), root, file.Root, maxBytes, out var status);
        stamp = problem is null ? $"{status.Size}@{status.Changed}" : "";
        return problem;
    }

    /// <summary>The last entry of a path: a plain file within the size limit, itself or through a link that stays inside.</summary>
    private static string? FileProblem(string path, string root, string fileRoot, long maxBytes, out (long Size, long Changed) status)
    {
        var (_, type, size, changed, problem) = Follow(path, root, fileRoot);
        status = (size, changed);
        if (problem is not null) return problem;
        if (type != FileType.Regular)
            return type == FileType.Missing ? "it is a broken symbolic link." : "it is not a regular file (a device, pipe or socket); only plain files are read.";
        if (size > maxBytes)
            return $"it is {size:N0} bytes, over the limit of {maxBytes:N0} bytes for this kind of file; split it or make it smaller.";
        return null;
    }

    /// <summary>One entry of a path, with a link followed when it stays inside the root: where it leads and what is there.</summary>
    private static (string Path, FileType Type, long Size, long Changed, string? Problem) Follow(string path, string root, string fileRoot)
    {
        var (type, size, changed) = Status(path);
        if (type == FileType.Missing) return (path, type, 0, 0, "the file does not exist.");
        if (type != FileType.Link) return (path, type, size, changed, null);
        var target = Canonical(path);
        if (!IsSameOrInside(target, root))
            return (path, type, 0, 0, $"it is a symbolic link to '{target}', which leads outside the {FolderName(fileRoot)} folder; copy the file in instead.");
        (type, size, changed) = Status(target);
        return (target, type, size, changed, null);
    }

    /// <summary>True when a folder entry (found while listing a folder) may be entered or read: a link must stay inside the root.</summary>
    public static bool StaysInside(string root, string path) => IsSameOrInside(Canonical(path), Canonical(root));

    /// <summary>The bytes of a file allowed by <see cref="Problem"/>; null, with an error naming the file, otherwise.</summary>
    public static byte[]? ReadBytes(SourceFile file, string display, Diagnostics diagnostics, long maxBytes = MaxTextBytes)
    {
        if (Problem(file, maxBytes) is { } problem)
        {
            diagnostics.Error(display, 0, 0, $"cannot read the file: {problem}");
            return null;
        }
        try
        {
            return File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(display, 0, 0, $"cannot read the file: {ex.Message}");
            return null;
        }
    }

    /// <summary>True when the file exists as a plain file or a link (whether or not the rule allows it).</summary>
    public static bool Exists(SourceFile file) => Status(file.FullPath).Type != FileType.Missing;

    private static string FolderName(string root) => Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) is { Length: > 0 } name ? name : root;

    private static bool IsSameOrInside(string path, string folder) =>
        path == folder || path.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Roots = new(StringComparer.Ordinal);

    /// <summary>A root folder resolved once per process: every file of a large site is checked against the same few roots.</summary>
    private static string CanonicalRoot(string root) => Roots.GetOrAdd(root, Canonical);

    /// <summary>The path with every symbolic link on it resolved, as the operating system would follow it.</summary>
    public static string Canonical(string path) => Canonical(Path.GetFullPath(path), 0);

    private static string Canonical(string full, int depth)
    {
        if (depth > 40) return full; // a loop of links: the caller's check then fails on the unresolved name
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var segment in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, segment);
            if (Status(next).Type == FileType.Link && new FileInfo(next).LinkTarget is { } target)
                next = Canonical(Path.GetFullPath(target, current), depth + 1);
            current = next;
        }
        return current;
    }

    private enum FileType { Missing, Regular, Directory, Link, Other }

    /// <summary>What the entry itself is (links not followed), its size and the time it last changed (UTC ticks; 0 when not known).</summary>
    private static (FileType Type, long Size, long Changed) Status(string path)
    {
        if (!OperatingSystem.IsWindows() && NativeStatus(path) is { } native) return native;
        var info = new FileInfo(path);
        if (info.LinkTarget is not null) return (FileType.Link, 0, 0);
        if (info.Exists) return (FileType.Regular, info.Length, info.LastWriteTimeUtc.Ticks);
        return Directory.Exists(path) ? (FileType.Directory, 0, 0) : (FileType.Missing, 0, 0);
    }

    private static bool _nativeMissing;

    /// <summary>
    /// lstat through the runtime's own native layer (its FileStatus layout is the same on every
    /// Unix); .NET has no public call that tells a pipe or a device from a file.
    /// </summary>
    private static unsafe (FileType, long, long)? NativeStatus(string path)
    {
        if (_nativeMissing) return null;
        var buffer = stackalloc byte[256];
        try
        {
            if (LStat(path, buffer) != 0) return (FileType.Missing, 0, 0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _nativeMissing = true;
            return null;
        }
        var mode = *(int*)(buffer + 4) & 0xF000;
        var size = *(long*)(buffer + 16);
        // Seconds and nanoseconds of the last change, as FileInfo.LastWriteTimeUtc reads them.
        var changed = DateTime.UnixEpoch.Ticks + *(long*)(buffer + 40) * TimeSpan.TicksPerSecond + *(long*)(buffer + 48) / 100;
        return (mode switch { 0x8000 => FileType.Regular, 0x4000 => FileType.Directory, 0xA000 => FileType.Link, _ => FileType.Other }, size, changed);
    }

    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int LStat(string path, byte* output);
}
