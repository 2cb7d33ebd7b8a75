using System.Runtime.InteropServices;
using System.Text;
using SiteGen.Engine;

namespace SiteGen.Output;

/// <summary>
/// The new site, written file by file into a folder beside the output folder while pages are
/// built, and swapped in only when the whole build has succeeded. A build that fails or is
/// killed leaves the previous site untouched; nothing outside the output folder is deleted.
/// </summary>
public sealed partial class SiteStaging : IStagedOutput
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly string _output;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private bool _done;

    public string Folder { get; }

    private SiteStaging(string output, string folder) => (_output, Folder) = (output, folder);

    public static SiteStaging Create(string outputFolder)
    {
        var output = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputFolder));
        CleanUpAfterKilledBuilds(output);
        var folder = Path.Combine(Path.GetDirectoryName(output)!, $"{Prefix(output)}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new SiteStaging(output, folder);
    }

    private static string Prefix(string output) => $".{Path.GetFileName(output)}.staging-";

    /// <summary>
    /// A build killed by a signal leaves its staging folder behind (and, killed between the two
    /// renames where the exchange is not available, the previous site under a '.old' name): the
    /// next build puts the old site back where it was missing, and removes what no running
    /// build owns. A folder whose build still runs (its process id is alive) is left alone.
    /// </summary>
    private static void CleanUpAfterKilledBuilds(string output)
    {
        var parent = Path.GetDirectoryName(output)!;
        if (!Directory.Exists(parent)) return;
        var prefix = Prefix(output);
        foreach (var leftover in Directory.EnumerateDirectories(parent, prefix + "*").Order(StringComparer.Ordinal).ToList())
        {
            var name = Path.GetFileName(leftover);
            var owner = name[prefix.Length..].Split('-')[0];
            if (!int.TryParse(owner, out var pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
            if (name.EndsWith(".old", StringComparison.Ordinal) && !Directory.Exists(output) && File.Exists(Path.Combine(leftover, OutputFolderGuard.Marker)))
            {
                Directory.Move(leftover, output);
                continue;
            }
            TryDelete(leftover);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>Writes the text as UTF-8 through a pooled buffer: pages are large, and a fresh buffer per page is memory the machine must find.</summary>
    public void WriteText(string outputPath, string text)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(Utf8.GetMaxByteCount(text.Length));
        try
        {
            WriteBytes(outputPath, buffer.AsSpan(0, Utf8.GetBytes(text, buffer)));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Writes the bytes in one call. Without a preallocation hint: the file system places a file
    /// written whole at once anyway, and the hint is one more system call for each of thousands of files.
    /// </summary>
    public void WriteBytes(string outputPath, ReadOnlySpan<byte> bytes)
    {
        using var file = File.OpenHandle(Target(outputPath), FileMode.Create, FileAccess.Write, FileShare.None, FileOptions.None);
        RandomAccess.Write(file, bytes, 0);
    }

    public void Copy(string outputPath, string source) => File.Copy(source, Target(outputPath), overwrite: true);

    /// <summary>
    /// New output in, old output out, never a half-written site. Where the system can exchange two
    /// folders in one step (Linux), there is no moment without an output folder; elsewhere it is
    /// two renames, and a build killed between them has the old site put back by the next build.
    /// </summary>
    public void Publish()
    {
        File.WriteAllText(Path.Combine(Folder, OutputFolderGuard.Marker), "Written by sitegen; the next build replaces this folder.\n", Utf8);
        if (Directory.Exists(_output) && Exchange(Folder, _output))
        {
            _done = true;
            TryDelete(Folder); // the previous site, now under the staging name
            return;
        }
        string? retired = null;
        if (Directory.Exists(_output))
        {
            retired = Folder + ".old";
            Directory.Move(_output, retired);
        }
        Directory.Move(Folder, _output);
        _done = true;
        if (retired is not null) TryDelete(retired);
    }

    private static bool Exchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return RenameAt2(AtCurrentFolder, a, AtCurrentFolder, b, RenameExchange) == 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private const int AtCurrentFolder = -100;
    private const uint RenameExchange = 2;

    [LibraryImport("libc", EntryPoint = "renameat2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int RenameAt2(int oldFolder, string oldPath, int newFolder, string newPath, uint flags);

    /// <summary>Removes the staging folder of a build that did not publish.</summary>
    public void Discard()
    {
        if (_done) return;
        _done = true;
        TryDelete(Folder);
    }

    private string Target(string outputPath)
    {
        var target = Path.Combine(Folder, outputPath.Replace('/', Path.DirectorySeparatorChar));
        // Output paths come from our own URL mapping; this is the last line of defence against '..'.
        if (!Path.GetFullPath(target).StartsWith(Folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write '{outputPath}' outside the output folder");
        var folder = Path.GetDirectoryName(target)!;
        // Once per folder, not once per file; an entry is added only once its folder exists.
        _folders.GetOrAdd(folder, f => Directory.CreateDirectory(f).Exists);
        return target;
    }

    /// <summary>Removes a folder, its subfolders in parallel: deleting a large old site is otherwise a long single file-by-file walk.</summary>
    private static void TryDelete(string folder)
    {
        try
        {
            if (!Directory.Exists(folder)) return;
            Parallel.ForEach(Directory.GetDirectories(folder), sub => Directory.Delete(sub, recursive: true));
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException) { /* a leftover temp folder is harmless; the next build ignores it */ }
        catch (UnauthorizedAccessException) { }
        catch (AggregateException) { } // the same, from one of the parallel deletions
    }
}
