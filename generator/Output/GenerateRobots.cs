using SiteGen.Engine;

namespace SiteGen.Output;

/// <summary>Post-process: robots.txt allows everything and points at the sitemap when the base URL is known.</summary>
public sealed class GenerateRobots : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var text = "User-agent: *\nAllow: /\n";
        if (context.Config.BaseUrl is { } baseUrl) text += $"\nSitemap: {baseUrl}sitemap.xml\n";
        return [.. documents, new Document { SourcePath = "", OutputPath = "robots.txt", Kind = DocumentKind.GeneratedFile, Content = text }];
    }
}
