using System.Globalization;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// What the Liquid layout sees, as plain dictionaries with snake_case keys (the Liquid convention,
/// and no reflection into our types). Every URL in it is relative to the page.
/// </summary>
public static class PageModel
{
    /// <summary>How many of its changes a page shows; the rest are on the "What's new" page.</summary>
    public const int RecentChanges = 3;

    public static Dictionary<string, object?> Site(BuildContext context) => new()
    {
        ["title"] = context.Config.Title,
        // Files of the site's own look (site.yml), as URLs relative to the site's root: the layout puts {{ root }} before them.
        ["logo"] = context.Config.Logo is { } logo ? UrlPaths.Escape(logo) : null,
        ["favicon"] = UrlPaths.Escape(context.Config.Favicon ?? "assets/favicon.svg"),
        ["favicon_type"] = Path.GetExtension(context.Config.Favicon ?? ".svg").ToLowerInvariant() switch
        {
            ".png" => "image/png", ".ico" => "image/x-icon", _ => "image/svg+xml",
        },
        ["extra_css"] = context.Config.ExtraCss.Select(UrlPaths.Escape).ToList(),
        ["extra_js"] = context.Config.ExtraJs.Select(UrlPaths.Escape).ToList(),
        ["colors_css"] = context.Config.Colors.Count + context.Config.ColorsDark.Count > 0 ? AddSiteColors.OutputPath : null,
        ["social"] = context.Config.Social.Select(link => new Dictionary<string, object?> { ["name"] = link.Name, ["url"] = link.Url }).ToList(),
        ["description"] = context.Config.Description,
        ["language"] = context.Config.Language,
        ["repository"] = context.Config.Repository,
        ["csp"] = SecurityHeaders.ContentSecurityPolicy,
        ["feed"] = context.FeedPath,
    };

    public static Dictionary<string, object?> Page(Document page, BuildContext context)
    {
        var config = context.Config;
        var url = UrlPaths.Absolute(config.BaseUrl, page.OutputPath);
        var citable = page.Kind == DocumentKind.Page;
        var words = context.Templates?.Words ?? Words.None;
        var nextReview = citable ? page.Meta.NextReview(config) : null;
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
            ["reviewed_display"] = page.Meta.Reviewed is { } reviewed ? words.Date(reviewed) : null,
            ["reviewers"] = page.Meta.Reviewers.Select(r => r.Name).ToList(),
            // Each reviewer with the role and credentials the front matter gives, for themes that show them.
            ["reviewer_details"] = page.Meta.Reviewers.Select(r => new Dictionary<string, object?>
            {
                ["name"] = r.Name, ["role"] = r.Role, ["credentials"] = r.Credentials,
            }).ToList(),
            ["next_review"] = nextReview?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["next_review_display"] = nextReview is { } next ? words.Date(next) : null,
            // The page's latest changes; the site's whole log is on the "What's new" page.
            ["changes"] = page.Meta.Changes.Take(RecentChanges).Select(change => new Dictionary<string, object?>
            {
                ["date"] = change.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["date_display"] = words.Date(change.Date),
                ["summary"] = change.Summary, ["type"] = change.Type, ["type_text"] = words.Text("change_" + change.Type),
            }).ToList(),
            ["whats_new_url"] = page.Meta.Changes.Count > 0 ? UrlPaths.Relative(page.OutputPath, Generated.AddWhatsNewPage.OutputPath) : null,
            ["review_status"] = page.Meta.ReviewStatus,
            ["review_status_text"] = page.Meta.ReviewStatus is { } status ? words.Text("review_status_" + status.Replace('-', '_')) : null,
            ["audience"] = page.Meta.Audience ?? config.Audience,
            ["report_url"] = citable ? ReportUrl(page, config, words) : null,
            ["tags"] = page.Meta.Tags.ToList(),
            ["tags_text"] = page.Meta.Tags.Count > 0 ? string.Join(words.Text("list_separator"), page.Meta.Tags) : null,
            ["edit_url"] = page.Kind == DocumentKind.Page && config.EditUrl is { } edit ? edit + page.SourcePath : null,
            ["canonical_url"] = url,
            ["json_ld"] = citable ? Medical.MedicalPageData.JsonLd(page, context) : null,
            ["cite_text"] = citable ? Medical.CitePage.Text(words, config.Title, page.Title, page.Meta.Reviewed, url) : null,
            ["cite_bibtex"] = citable ? Medical.CitePage.BibTex(words, config.Title, page.Title, page.Meta.Reviewed, url, page.OutputPath) : null,
        };
    }

    /// <summary>Where a reader reports a problem with the page: 'feedback_url' with its {path} and {title}, else 'report_url' or the repository's new-issue form with the page's title; null for none.</summary>
    private static string? ReportUrl(Document page, SiteConfig config, Words words)
    {
        if (config.FeedbackUrl is { } feedback)
            return feedback.Replace("{path}", Uri.EscapeDataString(page.OutputPath)).Replace("{title}", Uri.EscapeDataString(page.Title));
        if (config.ReportAddress is not { } report) return null;
        return report + (report.Contains('?') ? "&" : "?") + "title=" + Uri.EscapeDataString(words.Format("report_problem_title", ("title", page.Title)));
    }

    public static NavModel Navigation(Document page, SidebarModel? sidebar)
    {
        var navigation = page.Navigation ?? new PageNavigation([], [], null, null);
        return new NavModel(() => sidebar?.For(page.OutputPath) ?? [])
        {
            Breadcrumbs = navigation.Breadcrumbs.Select(c => Link(page, c)).ToList(),
            Previous = navigation.Previous is { } previous ? Link(page, previous) : null,
            Next = navigation.Next is { } next ? Link(page, next) : null,
        };
    }

    private static Dictionary<string, object?> Link(Document from, NavLink to) => new()
    {
        ["title"] = to.Title,
        ["url"] = UrlPaths.Relative(from.OutputPath, to.OutputPath),
        ["current"] = to.OutputPath == from.OutputPath,
    };
}
