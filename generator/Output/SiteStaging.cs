using System.Text;

namespace SiteGen.Output;

/// <summary>
/// The new site, written file by file into a folder beside the output folder while pages are
/// built, and swapped in only when the whole build has succeeded. A build that fails or is
/// killed leaves the previous site untouched; nothing outside the output folder is deleted.
/// </summary>
public sealed class SiteStaging
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
        var folder = Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        return new SiteStaging(output, folder);
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

    /// <summary>Old output aside, new output in, old output removed: two renames, never a half-written site.</summary>
    public void Publish()
    {
        File.WriteAllText(Path.Combine(Folder, OutputFolderGuard.Marker), "Written by sitegen; the next build replaces this folder.\n", Utf8);
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
