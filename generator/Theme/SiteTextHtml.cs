using System.Collections.Concurrent;
using Markdig;
using Markdig.Syntax;
using SiteGen.Markdown;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// The site's own words from site.yml that every page shows (the disclaimer, the crisis help, the
/// footer line) as HTML. They are Markdown written relative to input/, as pages are: a link to
/// about.md becomes a link that works from each page's folder, so the HTML is made once per folder,
/// and the layout's whole site model with it. Raw HTML is escaped. A broken link is reported once,
/// at site.yml.
/// </summary>
public sealed class SiteTextHtml
{
    private static readonly MarkdownPipeline Inline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().DisableHtml().Build();

    private readonly SiteConfig _config;
    private readonly Dictionary<string, object?> _site;
    private readonly LinkRewriter _links;
    private readonly ConcurrentDictionary<string, Dictionary<string, object?>> _byFolder = new(StringComparer.Ordinal);

    /// <param name="site">The rest of the site model (<see cref="PageModel.Site"/>), the same for every folder.</param>
    public SiteTextHtml(IReadOnlyList<Document> documents, BuildContext context, Dictionary<string, object?> site)
    {
        _config = context.Config;
        _site = site;
        _links = new LinkRewriter(documents);
        // Made once from the site's root with the build's diagnostics, so each broken link is reported once.
        _byFolder["index.html"] = Make("index.html", context.Diagnostics);
    }

    /// <summary>The site model for the page at <paramref name="outputPath"/>: the shared values with disclaimer_html, crisis and footer_html made for its folder.</summary>
    public Dictionary<string, object?> For(string outputPath)
    {
        var folder = UrlPaths.Folder(outputPath) + "index.html";
        return _byFolder.GetOrAdd(folder, f => Make(f, new Diagnostics()));
    }

    private Dictionary<string, object?> Make(string pageInFolder, Diagnostics diagnostics)
    {
        string Html(string key, string markdown) => InlineMarkdown(markdown, key, pageInFolder, diagnostics);
        return new(_site)
        {
            ["disclaimer_html"] = _config.Disclaimer is { } disclaimer ? Html("disclaimer", disclaimer) : null,
            ["crisis"] = _config.Crisis is { } crisis
                ? new Dictionary<string, object?>
                {
                    ["title"] = crisis.Title,
                    ["text_html"] = Html("crisis_text", crisis.Text),
                    ["lines_html"] = crisis.Lines.Select(line => Html("crisis_lines", line)).ToList(),
                }
                : null,
            ["footer_html"] = _config.FooterText is { } footer ? Html("footer_text", footer) : null,
        };
    }

    /// <summary>One paragraph of Markdown as HTML without its &lt;p&gt;: **bold**, *emphasis*, links.</summary>
    private string InlineMarkdown(string markdown, string key, string pageInFolder, Diagnostics diagnostics)
    {
        var ast = Markdig.Markdown.Parse(markdown.Trim(), Inline);
        // Read as a page at the site's root whose text starts at the setting's line in site.yml.
        var asPage = new Document { SourcePath = SiteConfig.FileName, OutputPath = pageInFolder, Kind = DocumentKind.Page, BodyLine = _config.Lines.GetValueOrDefault(key) };
        // A link reported as broken goes nowhere rather than to a missing file, so the page checks do not report it again on every page.
        var broken = _links.Rewrite(ast, asPage, diagnostics).Where(l => l.AlreadyReported).Select(l => l.Url).ToHashSet(StringComparer.Ordinal);
        foreach (var link in MarkdownNodes.Inlines<Markdig.Syntax.Inlines.LinkInline>(ast).Where(l => l.Url is { } url && broken.Contains(url)))
            link.Url = "#";
        var html = Markdig.Markdown.ToHtml(ast, Inline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }
}
