namespace SiteGen.Theme;

/// <summary>
/// Read: the theme's assets are published under assets/ unchanged: the site theme's own files,
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
        return [.. documents, .. assets];
    }
}
