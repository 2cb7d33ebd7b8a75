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
public sealed class RenderCallout(MarkdownPipeline pipeline) : PerDocumentModule
{
    public const string CssClass = "evidence-limitations";

    /// <summary>The theme's markup for the callout; its model is a <see cref="CalloutModel"/>.</summary>
    public const string Partial = "partials/callout.liquid";

    private CalloutPartial? _partial;
    private LinkRewriter _links = new([]);

    public override bool Begin(IReadOnlyList<Document> documents, BuildContext context)
    {
        _partial = CalloutPartial.Load(context);
        if (_partial is null || context.Templates is null) return false;
        _links = new LinkRewriter(documents);
        _sharedByFolder.Clear();
        return true;
    }

    /// <summary>
    /// The partial, the theme, the citations (the evidence summary) and every page's URL (the
    /// partial's links are written relative to input/).
    /// </summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context)
    {
        var reads = BuildCache.Digest(DocumentDigest.OfValue(_partial), context.Templates?.Digest, BuildCache.InputFiles(context), RewriteLinks.PageUrls(documents));
        return _ => reads;
    }

    protected override bool ShouldProcess(Document document) => document.IsHtmlPage;

    protected override Document Process(Document document, BuildContext context)
    {
        var model = new CalloutModel(
            _partial!.Heading,
            SharedText(document, context),
            document.Kind == DocumentKind.Page || document.Citations.Count > 0 ? EvidenceSummary.For(document.Citations, context.Citations, context.Templates!.Words, context.Config.EvidenceFocus) : null,
            [.. document.Meta.Limitations.Select(point => StripParagraph(Render(point, document with { BodyLine = 1 }, context)))]);
        return document with { CalloutHtml = context.Templates!.Render(Partial, ("callout", model)) };
    }

    /// <summary>Made once per output folder: its only difference from page to page is where its links lead from.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _sharedByFolder = new(StringComparer.Ordinal);

    /// <summary>The partial's text as HTML for this page: its links are written relative to input/, and must work from the page's folder.</summary>
    private string SharedText(Document document, BuildContext context)
    {
        return _sharedByFolder.GetOrAdd(UrlPaths.Folder(document.OutputPath), _ =>
            Render(_partial!.Markdown, document with { SourcePath = CalloutPartial.SourcePath, BodyLine = _partial.BodyLine }, context));
    }

    private string Render(string markdown, Document asPage, BuildContext context)
    {
        var ast = Markdig.Markdown.Parse(markdown, pipeline);
        SanitizeRawHtml.Clean(ast, asPage, context);
        _links.Rewrite(ast, asPage, context.Diagnostics);
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
