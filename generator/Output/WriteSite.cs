using System.Text;
using SiteGen.Engine;

namespace SiteGen.Output;

/// <summary>
/// Output, the only step that writes: everything goes into a new folder beside the output folder,
/// which replaces the old one only once every file is written. A build that fails or is killed
/// leaves the previous site untouched; nothing outside the output folder is deleted.
/// </summary>
public sealed class WriteSite : IModule
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var output = Path.TrimEndingDirectorySeparator(context.Paths.Output);
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        var staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            Parallel.ForEach(documents.Where(d => d.OutputPath.Length > 0), context.Parallelism,
                document => Write(document, staging));
            File.WriteAllText(Path.Combine(staging, OutputFolderGuard.Marker), "Written by sitegen; the next build replaces this folder.\n", Utf8);
            Swap(staging, output);
        }
        catch
        {
            TryDelete(staging);
            throw;
        }
        return documents;
    }

    private static void Write(Document document, string root)
    {
        var target = Path.Combine(root, document.OutputPath.Replace('/', Path.DirectorySeparatorChar));
        // Output paths come from our own URL mapping; this is the last line of defence against '..'.
        if (!Path.GetFullPath(target).StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write '{document.OutputPath}' outside the output folder");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (document.CopyFrom is { } source) File.Copy(source, target, overwrite: true);
        else File.WriteAllText(target, document.Content, Utf8);
    }

    /// <summary>Old output aside, new output in, old output removed: two renames, never a half-written site.</summary>
    private static void Swap(string staging, string output)
    {
        string? retired = null;
        if (Directory.Exists(output))
        {
            retired = staging + ".old";
            Directory.Move(output, retired);
        }
        Directory.Move(staging, output);
        if (retired is not null) TryDelete(retired);
    }

    private static void TryDelete(string folder)
    {
        try { if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true); }
        catch (IOException) { /* a leftover temp folder is harmless; the next build ignores it */ }
        catch (UnauthorizedAccessException) { }
    }
}
