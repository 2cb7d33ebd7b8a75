using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>
/// Input: every Markdown page under input/ becomes a <see cref="DocumentKind.Page"/>, every other
/// file (images, PDFs) a copied file. Names starting with '_' or '.' are partials, drafts or tool
/// files and are not published. Every file passes <see cref="SourceFiles"/>' rule (no link out of
/// input/, no device or pipe, a size limit); names that cannot be part of a working URL and raw
/// .html files, which would skip the sanitiser and the callout, are refused.
/// </summary>
public sealed class ReadPages : IModule
{

    /// <summary>Published as they are, these would run script on the site's origin without the sanitiser or the callout.</summary>
    private static readonly string[] RawPageExtensions = [".html", ".htm", ".xhtml", ".shtml", ".xht"];

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var found = new List<Document>(documents);
        if (!Directory.Exists(context.Paths.Input))
        {
            context.Diagnostics.Error($"input folder '{context.Paths.Input}' does not exist; pass --input or create it.");
            return found;
        }
        // Files that configure the build rather than being published: site.yml, the citations files and their lock.
        var buildFiles = new HashSet<string>([ReadSiteConfig.FileName, CitationLibrary.JsonFile, CitationLibrary.BibTexFile, CitationLibrary.LockFile,
            .. context.Config.CitationPaths], StringComparer.OrdinalIgnoreCase);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var listed = EnumerateFiles(context.Paths.Input, "", context, visited).Where(relative => !buildFiles.Contains(relative)).ToList();
        // Each file's check reads its status from the system, one call per file: on every core at
        // once (in `serve`, every rebuild lists the whole folder again).
        var stamps = new string?[listed.Count];
        Parallel.For(0, listed.Count, context.Parallelism, i => stamps[i] = Publishable(listed[i], context, out var stamp) ? stamp : null);
        for (var i = 0; i < listed.Count; i++)
        {
            if (stamps[i] is not { } stamp) continue;
            var relative = listed[i];
            var isPage = relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
            found.Add(isPage
                ? new Document { SourcePath = relative, OutputPath = "", Kind = DocumentKind.Page, Listed = true, SourceStamp = stamp }
                : new Document
                {
                    SourcePath = relative, OutputPath = relative, Kind = DocumentKind.CopiedFile,
                    CopyFrom = context.Paths.InputSource(relative),
                });
        }
        return SameAsBefore(found, context);
    }

    /// <summary>
    /// In `serve`, a document equal to one the last build listed is that same object, so the
    /// cache knows it at once (<see cref="DocumentDigest"/> remembers each object's digest).
    /// </summary>
    private static List<Document> SameAsBefore(List<Document> found, BuildContext context)
    {
        if (context.Cache is not { } cache) return found;
        if (cache.Kept(nameof(ReadPages)) is { } kept)
        {
            var before = new Dictionary<string, Document>(StringComparer.Ordinal);
            foreach (var document in kept) before.TryAdd(document.SourcePath, document);
            for (var i = 0; i < found.Count; i++)
                if (before.TryGetValue(found[i].SourcePath, out var earlier) && earlier == found[i]) found[i] = earlier;
        }
        cache.Keep(nameof(ReadPages), found);
        return found;
    }

    /// <summary>Whether a listed file may be published; its stamp (size and time of change) comes with the answer.</summary>
    private static bool Publishable(string relative, BuildContext context, out string stamp)
    {
        var isPage = relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        // The folders on its path were checked as they were listed (EnumerateFiles).
        if (SourceFiles.ProblemOfListed(context.Paths.InputSource(relative), isPage ? SourceFiles.MaxTextBytes : SourceFiles.MaxCopiedBytes, out stamp) is { } problem)
        {
            context.Diagnostics.Error(relative, 0, 0, $"cannot publish this file: {problem}");
            return false;
        }
        if (UrlPaths.UnsafeNameCharacter(relative) is { } bad)
        {
            context.Diagnostics.Error(relative, 0, 0,
                $"the name contains {bad}, which cannot be part of a URL that works on every host and from disk; rename the file.");
            return false;
        }
        if (RawPageExtensions.Any(e => relative.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            context.Diagnostics.Error(relative, 0, 0,
                "HTML files are not published as they are: they would skip the sanitiser and the evidence-limitations callout. " +
                "Write the page in Markdown (raw HTML inside Markdown is allowed within the README's safe set).");
            return false;
        }
        return true;
    }

    /// <summary>Files below <paramref name="folder"/> in ordinal order, so every run sees the same order.</summary>
    private static IEnumerable<string> EnumerateFiles(string root, string folder, BuildContext context, HashSet<string> visited)
    {
        var full = Path.Combine(root, folder);
        // A link back to a folder already read would loop forever.
        if (!visited.Add(SourceFiles.Canonical(full))) yield break;
        // Names and kinds straight from the listing: a FileInfo for each entry would read each
        // file's status, and the file's own check (Publishable) reads it once anyway.
        var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Name, bool IsFolder)>(full,
                (ref System.IO.Enumeration.FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory),
                new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false }) // as DirectoryInfo lists: nothing skipped, nothing hidden
            .Where(e => SourceFiles.IsPublishedName(e.Name))
            .OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var relative = folder.Length == 0 ? entry.Name : folder + "/" + entry.Name;
            if (entry.IsFolder)
            {
                var linked = new DirectoryInfo(Path.Combine(full, entry.Name));
                if (linked.LinkTarget is not null && !SourceFiles.StaysInside(root, linked.FullName))
                {
                    context.Diagnostics.Error(relative, 0, 0,
                        $"symbolic link to '{linked.LinkTarget}' leads outside the input folder; copy the files in instead.");
                    continue;
                }
                foreach (var file in EnumerateFiles(root, relative, context, visited)) yield return file;
            }
            else
                yield return relative;
        }
    }
}
