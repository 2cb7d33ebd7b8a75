using System.Security;
using System.Text;
using SiteGen.Engine;
using SiteGen.Theme;

namespace SiteGen.Output;

/// <summary>
/// Post-process: sitemap.xml lists every content page. Search engines need absolute URLs, so
/// without a base URL (site.yml 'base_url' or --base-url) it lists paths and says how to fix it.
/// </summary>
public sealed class GenerateSitemap : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        if (context.Config.BaseUrl is null)
            xml.Append("<!-- base_url is not set in site.yml, so these locations are relative; set it for a valid sitemap. -->\n");
        xml.Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        var pages = documents.Where(d => d.Listed).OrderBy(d => d.OutputPath, StringComparer.Ordinal);
        foreach (var page in pages)
        {
            var location = UrlPaths.Absolute(context.Config.BaseUrl, page.OutputPath) ?? page.OutputPath;
            xml.Append("  <url><loc>").Append(SecurityElement.Escape(location)).Append("</loc>");
            if (page.Meta.Reviewed is { } reviewed)
                xml.Append("<lastmod>").Append(reviewed.ToString("yyyy-MM-dd")).Append("</lastmod>");
            xml.Append("</url>\n");
        }
        xml.Append("</urlset>\n");
        return [.. documents, new Document { SourcePath = "", OutputPath = "sitemap.xml", Kind = DocumentKind.GeneratedFile, Content = xml.ToString() }];
    }
}
