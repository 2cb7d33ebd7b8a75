using System.Globalization;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// What the Liquid layout sees, as plain dictionaries with snake_case keys (the Liquid convention,
/// and no reflection into our types). Every URL in it is relative to the page.
/// </summary>
public static class PageModel
{
    public static Dictionary<string, object?> Site(BuildContext context) => new()
    {
        ["title"] = context.Config.Title,
        ["description"] = context.Config.Description,
        ["language"] = context.Config.Language,
        ["repository"] = context.Config.Repository,
        ["csp"] = SecurityHeaders.ContentSecurityPolicy,
        // Site content for the footer: Markdown from site.yml, raw HTML in it escaped, not passed on.
        ["disclaimer_html"] = context.Config.Disclaimer is { } disclaimer ? InlineMarkdown(disclaimer) : null,
        ["crisis"] = context.Config.Crisis is { } crisis
            ? new Dictionary<string, object?>
            {
                ["title"] = crisis.Title,
                ["text_html"] = InlineMarkdown(crisis.Text),
                ["lines_html"] = crisis.Lines.Select(InlineMarkdown).ToList(),
            }
            : null,
    };

    private static readonly Markdig.MarkdownPipeline Inline = Markdig.MarkdownExtensions.DisableHtml(new Markdig.MarkdownPipelineBuilder()).Build();

    /// <summary>One paragraph of Markdown as HTML without its &lt;p&gt;: **bold**, *emphasis*, links.</summary>
    private static string InlineMarkdown(string markdown)
    {
        var html = Markdig.Markdown.ToHtml(markdown.Trim(), Inline).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : html;
    }

    public static Dictionary<string, object?> Page(Document page, BuildContext context)
    {
        var config = context.Config;
        var url = UrlPaths.Absolute(config.BaseUrl, page.OutputPath);
        var citable = page.Kind == DocumentKind.Page;
        return new()
        {
            ["title"] = page.Title,
            ["description"] = page.Meta.Description ?? config.Description,
            ["content"] = page.Content,
            ["callout"] = page.CalloutHtml,
            ["toc"] = page.Headings.Select(h => new Dictionary<string, object?>
            {
                ["level"] = h.Level, ["text"] = h.Text, ["id"] = h.Id,
            }).ToList(),
            ["output_path"] = page.OutputPath,
            ["is_home"] = page.OutputPath == "index.html",
            ["is_generated"] = page.Kind == DocumentKind.GeneratedPage,
            ["reviewed"] = page.Meta.Reviewed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["reviewed_display"] = page.Meta.Reviewed?.ToString("d MMMM yyyy", CultureInfo.InvariantCulture),
            ["reviewers"] = page.Meta.Reviewers.ToList(),
            ["tags"] = page.Meta.Tags.ToList(),
            ["edit_url"] = page.Kind == DocumentKind.Page && config.EditUrl is { } edit ? edit + page.SourcePath : null,
            ["canonical_url"] = url,
            ["json_ld"] = citable ? Medical.MedicalPageData.JsonLd(page, context) : null,
            ["cite_text"] = citable ? Medical.CitePage.Text(config.Title, page.Title, page.Meta.Reviewed, url ?? page.OutputPath) : null,
            ["cite_bibtex"] = citable ? Medical.CitePage.BibTex(config.Title, page.Title, page.Meta.Reviewed, url ?? page.OutputPath, page.OutputPath) : null,
        };
    }

    public static Dictionary<string, object?> Navigation(Document page, SidebarModel? sidebar)
    {
        var navigation = page.Navigation ?? new PageNavigation([], [], null, null);
        return new()
        {
            ["tree"] = sidebar?.For(page.OutputPath) ?? [],
            ["breadcrumbs"] = navigation.Breadcrumbs.Select(c => Link(page, c)).ToList(),
            ["previous"] = navigation.Previous is { } previous ? Link(page, previous) : null,
            ["next"] = navigation.Next is { } next ? Link(page, next) : null,
        };
    }

    private static Dictionary<string, object?> Link(Document from, NavLink to) => new()
    {
        ["title"] = to.Title,
        ["url"] = UrlPaths.Relative(from.OutputPath, to.OutputPath),
        ["current"] = to.OutputPath == from.OutputPath,
    };
}
