using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Engine;

namespace SiteGen.Markdown;

/// <summary>
/// Markdown tree step: each section heading (## to ####) ends with a link to itself, drawn by the
/// theme's partials/heading-link.liquid, so a reader can copy the address of a section, as in the
/// best documentation themes. Plain HTML: it works without script and from file://.
/// </summary>
public sealed class AddHeadingPermalinks : IMarkdownTreeStep
{
    public const string Partial = "partials/heading-link.liquid";

    public string? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) => context.Templates?.Digest;

    public Document Apply(MarkdownDocument tree, Document page, BuildContext context)
    {
        if (context.Templates is not { } templates) return page;
        foreach (var heading in MarkdownNodes.Blocks<HeadingBlock>(tree).Where(h => h.Level is >= 2 and <= 4))
        {
            if (heading.GetAttributes().Id is not { Length: > 0 } id || heading.Inline is null) continue;
            var text = RenderMarkdown.InlineText(heading.Inline);
            heading.Inline.AppendChild(new HtmlInline(templates.Render(Partial, ("link", new HeadingLinkModel(id, text)))));
        }
        return page;
    }
}
