using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Content;
using SiteGen.Engine;
using SiteGen.Html;

namespace SiteGen.Markdown;

/// <summary>
/// Rewrites links between pages, written as relative paths to .md files, into page-relative URLs
/// of the published pages, keeping any #fragment. A link to a page or image that does not exist,
/// or that climbs out of input/, is reported at its line and column.
/// </summary>
public sealed class LinkRewriter
{
    private readonly Dictionary<string, string> _outputBySource = new(StringComparer.Ordinal);

    public LinkRewriter(IEnumerable<Document> documents)
    {
        foreach (var document in documents.Where(d => d.SourcePath.Length > 0 && d.OutputPath.Length > 0))
            _outputBySource[document.SourcePath] = document.OutputPath;
    }

    public IReadOnlyList<SourceLink> Rewrite(MarkdownDocument ast, Document page, Diagnostics diagnostics)
    {
        var found = new List<SourceLink>();
        // <javascript:alert(1)> is an autolink to CommonMark: shown as text instead, never as a link.
        foreach (var autolink in MarkdownNodes.Inlines<AutolinkInline>(ast).Where(a => !a.IsEmail && !HtmlAllowlist.IsSafeUrl(a.Url)).ToList())
        {
            diagnostics.Report(CheckRule.UnsafeHtml, page.SourcePath, page.BodyLine + autolink.Line, autolink.Column + 1,
                $"removed the {UrlPaths.Scheme(autolink.Url)}: URL of this link; only relative, http(s), mailto and tel URLs are allowed.");
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
        foreach (var link in MarkdownNodes.Inlines<LinkInline>(ast))
        {
            if (link.Url is not { } url || url.Length == 0) continue;
            var line = page.BodyLine + link.Line;
            var column = link.Column + 1;
            if (!HtmlAllowlist.IsSafeUrl(url))
            {
                diagnostics.Report(CheckRule.UnsafeHtml, page.SourcePath, line, column,
                    $"removed the {UrlPaths.Scheme(url)}: URL of this {(link.IsImage ? "image" : "link")}; only relative, http(s), mailto and tel URLs are allowed.");
                link.Url = "#";
                continue;
            }
            if (!IsRelative(url))
            {
                found.Add(new SourceLink(url, line, column, link.IsImage));
                continue;
            }
            var rewritten = RewriteRelative(url, page, link.IsImage, diagnostics, line, column);
            if (rewritten is null)
            {
                found.Add(new SourceLink(url, line, column, link.IsImage, AlreadyReported: true));
                continue;
            }
            link.Url = rewritten;
            found.Add(new SourceLink(rewritten, line, column, link.IsImage));
        }
        return found;
    }

    private string? RewriteRelative(string url, Document page, bool isImage, Diagnostics diagnostics, int line, int column)
    {
        var located = UrlPaths.Locate(page.SourcePath, url);
        switch (located.Kind)
        {
            case UrlKind.SamePage or UrlKind.External:
                return url; // "#section" on the same page
            case UrlKind.RootRelative:
                diagnostics.Report(CheckRule.BrokenLink, page.SourcePath, line, column,
                    $"link '{url}' starts with '/', which breaks under a subpath and from disk; write it relative to this file.");
                return null;
            case UrlKind.OutsideRoot:
                diagnostics.Report(CheckRule.BrokenLink, page.SourcePath, line, column, $"link '{url}' points outside the input folder.");
                return null;
        }
        var target = located.Path;
        if (_outputBySource.TryGetValue(target, out var output))
            return UrlPaths.Relative(page.OutputPath, output) + located.Fragment;

        var kind = isImage ? "image" : target.EndsWith(".md", StringComparison.OrdinalIgnoreCase) ? "page" : "file";
        var suggestion = Suggest.Closest(target, _outputBySource.Keys);
        var advice = isImage ? "; put the image in input/ and write its path relative to this page."
            : "; links to other pages are written as relative paths to their .md files.";
        diagnostics.Report(isImage ? CheckRule.MissingImage : CheckRule.BrokenLink, page.SourcePath, line, column, $"{kind} '{url}' not found" +
            (suggestion is null ? advice : $" (did you mean '{UrlPaths.Relative(page.SourcePath, suggestion)}'?)"));
        return null;
    }

    /// <summary>A path to resolve inside the site: no scheme (http:, mailto:) and not protocol-relative.</summary>
    private static bool IsRelative(string url) =>
        !url.StartsWith("//", StringComparison.Ordinal) && (url.StartsWith('/') || UrlPaths.Scheme(url) is null);
}
