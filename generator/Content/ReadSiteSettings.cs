namespace SiteGen.Content;

/// <summary>Settings: reads input/site.yml into the build's settings (<see cref="ReadSiteConfig"/>).</summary>
public sealed class ReadSiteSettings(string? baseUrlOverride, string? repositoryOverride = null) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        context.Config = ReadSiteConfig.Read(context.Paths, context.Diagnostics, baseUrlOverride, repositoryOverride);
        return documents;
    }
}
