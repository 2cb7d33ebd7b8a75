using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// Content checks done on the Markdown tree, where every finding still has its line and column:
/// images need alt text, links need text, and headings must not skip a level.
/// </summary>
public sealed class LintMarkdown : IMarkdownTreeStep
{
    public Document Apply(MarkdownDocument ast, Document page, BuildContext context)
    {
        foreach (var link in MarkdownNodes.Inlines<LinkInline>(ast))
        {
            var line = page.BodyLine + link.Line;
            var column = link.Column + 1;
            var text = Markdown.RenderMarkdown.InlineText(link).Trim();
            if (link.IsImage && text.Length == 0)
                context.Diagnostics.Report(CheckRule.ImageAlt, page.SourcePath, line, column,
                    $"image '{link.Url}' has no alt text; describe it in the brackets: ![what it shows]({link.Url}).");
            else if (!link.IsImage && text.Length == 0 && !link.Descendants<LinkInline>().Any(l => l.IsImage))
                context.Diagnostics.Report(CheckRule.EmptyLink, page.SourcePath, line, column,
                    $"link '{link.Url}' has no text, so screen readers can only read out its address.");
        }
        var previous = 1; // the page title is the h1
        foreach (var heading in MarkdownNodes.Blocks<HeadingBlock>(ast))
        {
            if (heading.Level > previous + 1)
                context.Diagnostics.Report(CheckRule.HeadingOrder, page.SourcePath, page.BodyLine + heading.Line, heading.Column + 1,
                    $"heading level {heading.Level} follows level {previous}; use level {previous + 1} so the outline has no gap.");
            previous = heading.Level;
        }
        return page;
    }
}
