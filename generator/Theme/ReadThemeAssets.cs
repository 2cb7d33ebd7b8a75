using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>Input: the files under theme/assets/ are published under assets/ unchanged.</summary>
public sealed class ReadThemeAssets : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var folder = Path.Combine(context.Paths.Theme, "assets");
        if (!Directory.Exists(folder)) return documents;
        var assets = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(folder, file).Replace('\\', '/'))
            .Where(relative => !relative.Split('/').Any(part => part.StartsWith('.')))
            .Order(StringComparer.Ordinal)
            .Select(relative => new Document
            {
                SourcePath = "", OutputPath = "assets/" + relative, Kind = DocumentKind.CopiedFile,
                CopyFrom = Path.Combine(folder, relative),
            });
        return [.. documents, .. assets];
    }
}
