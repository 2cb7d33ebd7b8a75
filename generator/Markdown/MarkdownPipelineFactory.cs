using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using SiteGen.Citations.Syntax;

namespace SiteGen.Markdown;

/// <summary>
/// The one list of Markdig extensions the site uses, built once and reused for every page.
/// Deliberately not UseAdvancedExtensions(): that adds media embeds (iframes) and syntax we do
/// not support.
/// </summary>
public static class MarkdownPipelineFactory
{
    public static MarkdownPipeline Create(Action<MarkdownPipelineBuilder>? extra = null)
    {
        var builder = new MarkdownPipelineBuilder()
            .UsePipeTables()
            .UseFootnotes()
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UseAlertBlocks()
            .UseCustomContainers()      // ::: for-clinicians ... ::: (a block the reading grade skips)
            .UsePreciseSourceLocation()
            .Use<CitationExtension>();
        extra?.Invoke(builder);
        return builder.Build();
    }
}
