using System.Text;
using NUglify;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// Render: the theme's scripts and style sheets are published minified (comments, spaces and long
/// local names dropped), so every page and every first search downloads less; the theme keeps the
/// readable source. A file the minifier cannot parse is published as written, with a warning at
/// the line it stopped on: a browser may still run what the minifier does not know.
/// </summary>
public sealed class MinifyThemeAssets : PerDocumentModule
{
    protected override bool ShouldProcess(Document document) =>
        document.Kind == DocumentKind.CopiedFile && document.SourcePath.Length == 0 &&
        (document.OutputPath.EndsWith(".js", StringComparison.OrdinalIgnoreCase) ||
         document.OutputPath.EndsWith(".css", StringComparison.OrdinalIgnoreCase));

    /// <summary>It reads the theme file it minifies: its size and time of change stand for it (serve minifies only what changed); nothing for a page.</summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) =>
        document => document.CopyFrom is { } file ? BuildCache.FileStamp(file.FullPath) : "";

    protected override Document Process(Document document, BuildContext context)
    {
        var display = document.CopyFrom!.FullPath;
        if (SourceFiles.ReadBytes(document.CopyFrom, display, context.Diagnostics) is not { } bytes) return document with { OutputPath = "" };
        var source = Encoding.UTF8.GetString(bytes);
        var result = document.OutputPath.EndsWith(".css", StringComparison.OrdinalIgnoreCase) ? Uglify.Css(source) : Uglify.Js(source);
        if (result.Errors.FirstOrDefault(e => e.IsError) is { } error)
        {
            context.Diagnostics.Warning(display, error.StartLine, error.StartColumn,
                $"published as written, not minified: the minifier stopped here ({error.Message}); check the syntax, or ignore this if browsers run the file.");
            return document;
        }
        return document with { Kind = DocumentKind.GeneratedFile, CopyFrom = null, Content = result.Code + "\n" };
    }
}
