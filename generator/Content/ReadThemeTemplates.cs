namespace SiteGen.Content;

/// <summary>
/// Settings: reads and parses the theme's layout and partials once for the build. The layout
/// and the steps that generate markup (the callout, reference lists, generated pages) render them.
/// </summary>
public sealed class ReadThemeTemplates : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        // In `serve`, read again only when a theme file or the settings (the site's own strings) change.
        context.Templates = BuildCache.Remember(context, nameof(ReadThemeTemplates),
            () => BuildCache.Digest(DocumentDigest.OfValue(context.Config),
                BuildCache.FolderStamps([.. new[] { context.Paths.Theme, context.Paths.BuiltInTheme }.OfType<string>()])),
            () => ThemeTemplates.Load(context));
        return documents;
    }
}
