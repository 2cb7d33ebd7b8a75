namespace SiteGen.Content;

/// <summary>
/// Settings: reads and parses the theme's layout and partials once for the build. The layout
/// and the steps that generate markup (the callout, reference lists, generated pages) render them.
/// </summary>
public sealed class ReadThemeTemplates : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        context.Templates = ThemeTemplates.Load(context);
        return documents;
    }
}
