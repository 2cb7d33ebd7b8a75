using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// Input: the files under theme/assets/ are published under assets/ unchanged. Each is read
/// through <see cref="SourceFiles"/>' rule: a link out of the theme folder is an error, not a copy.
/// </summary>
public sealed class ReadThemeAssets : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var folder = Path.Combine(context.Paths.Theme, "assets");
        if (!Directory.Exists(folder)) return documents;
        var assets = new List<Document>();
        foreach (var relative in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
                     .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
                     .Where(relative => !relative.Split('/').Any(part => part.StartsWith('.')))
                     .Order(StringComparer.Ordinal))
        {
            var source = context.Paths.ThemeSource("assets/" + relative);
            if (SourceFiles.Problem(source, SourceFiles.MaxCopiedBytes) is { } problem)
            {
                context.Diagnostics.Error(source.FullPath, 0, 0, $"cannot publish this theme file: {problem}");
                continue;
            }
            assets.Add(new Document { SourcePath = "", OutputPath = "assets/" + relative, Kind = DocumentKind.CopiedFile, CopyFrom = source });
        }
        return [.. documents, .. assets];
    }
}
