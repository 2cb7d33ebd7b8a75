using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>Post-process: lays every HTML page out with the theme's Liquid layout.</summary>
public sealed class ApplyLayout : IModule
{
    // Keep non-ASCII text readable in the output instead of turning it into &#x...; entities.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var templates = ThemeTemplates.Load(context);
        if (templates is null) return documents;
        var site = PageModel.Site(context);
        return new PerPage(templates, site).Execute(documents, context);
    }

    private sealed class PerPage(ThemeTemplates templates, Dictionary<string, object?> site) : PerDocumentModule
    {
        protected override bool ShouldProcess(Document document) => document.IsHtmlPage;

        protected override Document Process(Document document, BuildContext context)
        {
            var model = new TemplateContext(templates.Options);
            model.SetValue("site", site);
            model.SetValue("page", PageModel.Page(document, context));
            model.SetValue("nav", PageModel.Navigation(document));
            model.SetValue("root", UrlPaths.RootPrefix(document.OutputPath));
            model.SetValue("base_href", document.OutputPath == "404.html" ? context.Config.BaseUrl : null);
            var html = templates.Layout.Render(model, Encoder);
            if (string.IsNullOrWhiteSpace(html))
                context.Diagnostics.Error(document.SourcePath.Length > 0 ? document.SourcePath : document.OutputPath, 0, 0,
                    "the layout produced an empty page; check theme/layout.liquid.");
            return document with { Content = html };
        }
    }
}
