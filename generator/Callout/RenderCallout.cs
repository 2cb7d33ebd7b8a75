using System.Net;
using Markdig;
using SiteGen.Citations;
using SiteGen.Engine;
using SiteGen.Html;
using SiteGen.Markdown;

namespace SiteGen.Callout;

/// <summary>
/// Process: renders each page's evidence-limitations callout: the shared partial, then the
/// page's own points from front matter 'limitations'. The layout places it; a check later makes
/// sure it is on every page. Nothing in front matter can switch it off.
/// </summary>
public sealed class RenderCallout(MarkdownPipeline pipeline) : IModule
{
    public const string CssClass = "evidence-limitations";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var partial = CalloutPartial.Load(context);
        if (partial is null) return documents;
        var links = new LinkRewriter(documents);
        return new PerPage(partial, pipeline, links).Execute(documents, context);
    }

    private sealed class PerPage(CalloutPartial partial, MarkdownPipeline pipeline, LinkRewriter links) : PerDocumentModule
    {
        protected override bool ShouldProcess(Document document) => document.IsHtmlPage;

        protected override Document Process(Document document, BuildContext context)
        {
            var html = new System.Text.StringBuilder();
            html.Append($"<aside class=\"{CssClass}\" role=\"note\" aria-labelledby=\"evidence-limitations-title\">\n");
            html.Append($"<h2 id=\"evidence-limitations-title\">{WebUtility.HtmlEncode(partial.Heading)}</h2>\n");
            // The partial's links are written relative to input/, and must work from this page's folder.
            var asPartial = document with { SourcePath = CalloutPartial.SourcePath, BodyLine = partial.BodyLine };
            html.Append(Render(partial.Markdown, asPartial, context));
            if (document.Kind == DocumentKind.Page || document.Citations.Count > 0)
                html.Append("<p class=\"evidence-summary\">")
                    .Append(WebUtility.HtmlEncode(EvidenceSummary.For(document.Citations, context.Citations))).Append("</p>\n");
            if (document.Meta.Limitations.Count > 0)
            {
                html.Append("<p class=\"page-limitations-title\"><strong>On this page:</strong></p>\n<ul class=\"page-limitations\">\n");
                foreach (var point in document.Meta.Limitations)
                    html.Append("<li>").Append(StripParagraph(Render(point, document with { BodyLine = 1 }, context))).Append("</li>\n");
                html.Append("</ul>\n");
            }
            html.Append("</aside>\n");
            return document with { CalloutHtml = html.ToString() };
        }

        private string Render(string markdown, Document asPage, BuildContext context)
        {
            var ast = Markdig.Markdown.Parse(markdown, pipeline);
            SanitizeRawHtml.Clean(ast, asPage, context);
            links.Rewrite(ast, asPage, context.Diagnostics);
            var html = Markdig.Markdown.ToHtml(ast, pipeline);
            return SanitizeRawHtml.HasRawHtml(ast) ? HtmlAllowlist.AsBrowserBuildsIt(html) : html;
        }

        private static string StripParagraph(string html)
        {
            var trimmed = html.Trim();
            return trimmed.StartsWith("<p>", StringComparison.Ordinal) && trimmed.EndsWith("</p>", StringComparison.Ordinal)
                ? trimmed[3..^4] : trimmed;
        }
    }
}
