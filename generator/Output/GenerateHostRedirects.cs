using System.Text;
using SiteGen.Engine;

namespace SiteGen.Output;

/// <summary>
/// Post-process: _redirects, the site's redirects as real 301s for Netlify and Cloudflare Pages
/// (each host reads the file at the site's root; others keep the redirect pages). Paths start at
/// the base URL's path, "/" without one.
/// </summary>
public sealed class GenerateHostRedirects : IModule
{
    public const string OutputPath = "_redirects";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        if (context.Redirects.Count == 0) return documents;
        var root = context.Config.BaseUrl is { } baseUrl && Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? uri.AbsolutePath.TrimEnd('/') + "/" : "/";
        var text = new StringBuilder("# Written by sitegen from 'redirect_from' and site.yml 'redirects'.\n");
        foreach (var (from, to) in context.Redirects.OrderBy(r => r.From, StringComparer.Ordinal))
        {
            var target = UrlPaths.Scheme(to) is "http" or "https" ? to : root + UrlPaths.Escape(to);
            // A folder's page answers at "folder/" as well as "folder/index.html"; a page at "name" as well as "name.html".
            var also = from.EndsWith("/index.html", StringComparison.Ordinal) || from == "index.html" ? from[..^"index.html".Length] : from[..^".html".Length];
            foreach (var path in new[] { from, also }.Distinct())
                text.Append(root).Append(UrlPaths.Escape(path)).Append(' ').Append(target).Append(" 301\n");
        }
        return [.. documents, new Document { SourcePath = "", OutputPath = OutputPath, Kind = DocumentKind.GeneratedFile, Content = text.ToString() }];
    }
}
