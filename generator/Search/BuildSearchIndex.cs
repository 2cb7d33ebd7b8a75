using System.Diagnostics;
using SiteGen.Engine;

namespace SiteGen.Search;

/// <summary>
/// Post-process: indexes what the reader sees in every listed page's main content (the rendered
/// body, exactly what the layout puts in .page-body), one entry per section, and adds the index
/// files to the output. It runs before the layout so it parses the body alone, not the whole page.
/// In `serve`, after the first build the previous index is published at once and the new one is
/// made after the edited pages are shown: an edit reloads without waiting for the whole index.
/// </summary>
public sealed class BuildSearchIndex : IModule
{
    private const string Kept = "search index";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        // The glossary is left out: its definitions show where each term is used, and its short
        // entries would outrank the pages about a subject for every term they define.
        var listed = documents.Where(d => d.Listed && d.IsHtmlPage && d.OutputPath != Markdown.GlossaryPage.OutputPath)
            .OrderBy(d => d.OutputPath, StringComparer.Ordinal).ToList();
        if (context.Cache?.Kept(Kept) is { } previous && context.Later is { } later)
        {
            later.Enqueue(new LaterWork(previous, () => Index(listed, context)));
            return [.. previous, .. documents];
        }
        // In a build that writes the site, the index files are in its staging folder already, and
        // their documents carry no bytes through the layout of every page.
        return [.. Index(listed, context), .. documents];
    }

    private static IReadOnlyList<Document> Index(IReadOnlyList<Document> listed, BuildContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var index = SearchIndexBuilder.Build(listed.Count,
            (i, body) =>
            {
                ReadSearchSections.Read(listed[i].Content, listed[i].Title, body);
                return new SearchPage(listed[i].OutputPath, listed[i].Title, listed[i].Meta.Description ?? "", []);
            },
            WriteSearchIndex.StoredText(listed.Count), context.Parallelism);
        var built = Stopwatch.GetElapsedTime(started);
        // A build that writes the site gets the files written straight into its staging folder.
        var files = WriteSearchIndex.Files(index, context.Parallelism, context.Staging, context.Templates?.Words);
        context.Log.Debug($"    search index: read and scored {built.TotalMilliseconds:F0} ms, " +
                          $"made its files {(Stopwatch.GetElapsedTime(started) - built).TotalMilliseconds:F0} ms; {index.Terms.Count} terms, {files.Count} files");
        context.Cache?.Keep(Kept, files);
        return files;
    }
}
