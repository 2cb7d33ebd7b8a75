namespace SiteGen.Theme;

/// <summary>
/// Read: the theme's assets are published under assets/ (scripts and style sheets minified later): the site theme's own files,
/// and the built-in theme's for every file the site does not override. Each is read through
/// <see cref="SourceFiles"/>' rule: a link out of the theme folder is an error, not a copy.
/// </summary>
public sealed class ReadThemeAssets : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var assets = new List<Document>();
        foreach (var relative in context.Paths.ThemeFiles("assets"))
        {
            var source = context.Paths.ThemeSource(relative);
            if (SourceFiles.Problem(source, SourceFiles.MaxCopiedBytes) is { } problem)
            {
                context.Diagnostics.Error(source.FullPath, 0, 0, $"cannot publish this theme file: {problem}");
                continue;
            }
            assets.Add(new Document { SourcePath = "", OutputPath = relative, Kind = DocumentKind.CopiedFile, CopyFrom = source });
        }
        // A site's own asset is published as it is; one whose name is a near miss of a built-in file was most likely meant to replace it.
        var builtIn = context.Paths.BuiltInThemeFiles("assets");
        foreach (var stray in context.Paths.ThemeFilesNotBuiltIn("assets"))
            if (Suggest.Closest(stray, builtIn) is { } near)
                context.Diagnostics.Warning(Path.Combine(context.Paths.Theme, stray), 0, 0,
                    $"the built-in theme has no {stray}, so it replaces nothing and is published as a file of its own (did you mean {near}?).");
        return [.. documents, .. assets];
    }
}
