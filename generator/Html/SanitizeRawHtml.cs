using Markdig.Helpers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Engine;

namespace SiteGen.Html;

/// <summary>
/// Cleans the raw HTML written in a page's Markdown through <see cref="HtmlAllowlist"/>, in the
/// Markdown tree where every piece still knows its line, and reports each removal there.
/// Content arrives by pull request from people we do not control: nothing in it may run.
/// </summary>
public sealed class SanitizeRawHtml : IMarkdownTreeStep
{
    public Document Apply(MarkdownDocument tree, Document page, BuildContext context)
    {
        Clean(tree, page, context);
        return page;
    }

    /// <summary>Cleans every raw-HTML block and inline of the tree in place, reporting each removal at its line.</summary>
    public static void Clean(MarkdownDocument ast, Document page, BuildContext context)
    {
        foreach (var block in MarkdownNodes.Blocks<HtmlBlock>(ast))
        {
            var removed = new List<string>();
            // Always the sanitiser's tokens, written afresh, even when nothing was removed: the text
            // as typed never reaches the page.
            block.Lines = new StringLineGroup(HtmlAllowlist.Sanitize(block.Lines.ToString(), removed));
            if (removed.Count > 0) Report(page, block.Line, block.Column, removed, context);
        }
        foreach (var inline in MarkdownNodes.Inlines<HtmlInline>(ast))
        {
            var removed = new List<string>();
            inline.Tag = HtmlAllowlist.Sanitize(inline.Tag ?? "", removed);
            if (removed.Count > 0) Report(page, inline.Line, inline.Column, removed, context);
        }
    }

    private static void Report(Document page, int line, int column, List<string> removed, BuildContext context) =>
        context.Diagnostics.Report(CheckRule.UnsafeHtml, page.SourcePath, page.BodyLine + line, column + 1,
            $"removed {string.Join(", ", removed.Distinct())} from raw HTML; only a safe set of tags and attributes is allowed (see README, 'Raw HTML').");

    /// <summary>True when the tree holds raw HTML, whose rendered page is then published as the browser's tree of it.</summary>
    public static bool HasRawHtml(MarkdownDocument ast) => MarkdownNodes.Blocks<HtmlBlock>(ast).Count > 0 || MarkdownNodes.Inlines<HtmlInline>(ast).Count > 0;
}
