using System.Text;
using NUglify;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// Render: the theme's scripts and style sheets are published minified (comments, spaces and long
/// local names dropped), so every page and every first search downloads less; the theme keeps the
/// readable source. A file the minifier cannot parse is published as written, with a warning at
/// the line it stopped on: a browser may still run what the minifier does not know. Minifying the
/// search script is a quarter of a small site's build, so the result is kept in the build's disk
/// cache under the file's bytes and the minifier's version, and the next build takes it from there.
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
        var css = document.OutputPath.EndsWith(".css", StringComparison.OrdinalIgnoreCase);
        var key = DiskCache.Key(css ? Maker + " css" : Maker + " js", bytes);
        if (context.DiskCache?.Read(CacheKind, key) is { } kept)
        {
            context.Log.Debug($"minify {document.OutputPath}: taken from the cache in {context.DiskCache.Folder}");
            return Minified(document, Encoding.UTF8.GetString(kept.Span));
        }
        var source = Encoding.UTF8.GetString(bytes);
        var result = css ? Uglify.Css(source) : Uglify.Js(source);
        if (result.Errors.FirstOrDefault(e => e.IsError) is { } error)
        {
            context.Diagnostics.Warning(display, error.StartLine, error.StartColumn,
                $"published as written, not minified: the minifier stopped here ({error.Message}); check the syntax, or ignore this if browsers run the file.");
            return document;
        }
        context.DiskCache?.Write(CacheKind, key, Encoding.UTF8.GetBytes(result.Code));
        return Minified(document, result.Code);
    }

    private const string CacheKind = "minified";

    /// <summary>What made a kept result: the minifier and its version, with its default settings (change this when they change).</summary>
    private static readonly string Maker = $"NUglify {typeof(Uglify).Assembly.GetName().Version} defaults";

    private static Document Minified(Document document, string code) =>
        document with { Kind = DocumentKind.GeneratedFile, CopyFrom = null, Content = code + "\n" };
}
