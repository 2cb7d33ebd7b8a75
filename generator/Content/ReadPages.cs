using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>
/// Input: every Markdown page under input/ becomes a <see cref="DocumentKind.Page"/>, every other
/// file (images, PDFs) a copied file. Names starting with '_' or '.' are partials, drafts or tool
/// files and are not published. Symbolic links that lead outside input/ are refused.
/// </summary>
public sealed class ReadPages : IModule
{
    /// <summary>Files in input/ that configure the build rather than being published.</summary>
    private static readonly HashSet<string> BuildFiles = new(StringComparer.OrdinalIgnoreCase)
    {
        ReadSiteConfig.FileName, Citations.CitationLibrary.JsonFile, Citations.CitationLibrary.BibTexFile,
    };

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var found = new List<Document>(documents);
        if (!Directory.Exists(context.Paths.Input))
        {
            context.Diagnostics.Error($"input folder '{context.Paths.Input}' does not exist; pass --input or create it.");
            return found;
        }
        foreach (var relative in EnumerateFiles(context.Paths.Input, "", context))
        {
            if (relative.IndexOf('/') < 0 && BuildFiles.Contains(relative)) continue;
            var isPage = relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
            found.Add(isPage
                ? new Document { SourcePath = relative, OutputPath = "", Kind = DocumentKind.Page, Listed = true }
                : new Document
                {
                    SourcePath = relative, OutputPath = relative, Kind = DocumentKind.CopiedFile,
                    CopyFrom = context.Paths.InputFile(relative),
                });
        }
        return found;
    }

    /// <summary>Files below <paramref name="folder"/> in ordinal order, so every run sees the same order.</summary>
    private static IEnumerable<string> EnumerateFiles(string root, string folder, BuildContext context)
    {
        var full = Path.Combine(root, folder);
        var entries = new DirectoryInfo(full).EnumerateFileSystemInfos()
            .Where(e => !e.Name.StartsWith('_') && !e.Name.StartsWith('.'))
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var relative = folder.Length == 0 ? entry.Name : folder + "/" + entry.Name;
            if (entry.LinkTarget is not null && !LinkStaysInside(entry, root))
            {
                context.Diagnostics.Error(relative, 0, 0,
                    $"symbolic link to '{entry.LinkTarget}' leads outside the input folder; copy the file in instead.");
                continue;
            }
            if (entry is DirectoryInfo)
                foreach (var file in EnumerateFiles(root, relative, context)) yield return file;
            else
                yield return relative;
        }
    }

    private static bool LinkStaysInside(FileSystemInfo entry, string root)
    {
        var target = entry.ResolveLinkTarget(returnFinalTarget: true);
        if (target is null) return false;
        var rootWithSlash = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(target.FullName).StartsWith(rootWithSlash, StringComparison.Ordinal);
    }
}
