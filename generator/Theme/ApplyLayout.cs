using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>Post-process: lays every HTML page out with the theme's Liquid layout.</summary>
public sealed class ApplyLayout : PerDocumentModule
{
    private static readonly HtmlEncoder Encoder = ThemeTemplates.Encoder;

    private ThemeTemplates? _templates;
    private Dictionary<string, object?> _site = [];
    private SiteTextHtml? _siteText;
    private IReadOnlyList<NavItem> _tree = [];
    private SidebarModel? _sidebar;
    private SidebarHtml? _sidebarHtml;

    /// <summary>Templates are parsed once per build, and the site model made once for every page.</summary>
    public override bool Begin(IReadOnlyList<Document> documents, BuildContext context)
    {
        _templates = context.Templates;
        _site = PageModel.Site(context);
        _siteText = new SiteTextHtml(documents, context, _site);
        // Every page shares one navigation tree.
        _tree = documents.FirstOrDefault(d => d.Navigation is not null)?.Navigation?.Tree ?? [];
        // In `serve`, the model of the same tree (BuildNavigation keeps it while no page moves) is made once.
        _sidebar = _tree.Count == 0 ? null : BuildCache.Remember(context, nameof(SidebarModel),
            () => BuildCache.Digest(SidebarModel.TreeDigest(_tree), context.Config.SidebarMaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture), _templates?.Digest),
            () => new SidebarModel(_tree, context.Config.SidebarMaxEntries, context.Templates?.Words));
        _sidebarHtml = _templates?.Sidebar is not null && _sidebar is not null ? new SidebarHtml(_templates, _site, _sidebar, Encoder, context.SidebarFiles) : null;
        return _templates is not null;
    }

    /// <summary>
    /// What a page's layout reads besides the page: the templates, the site, the navigation tree
    /// every page shares (its sidebar) and the citations file (the JSON-LD).
    /// </summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context)
    {
        var shared = SharedInputs(_templates, _site, _tree, context);
        return _ => shared;
    }

    /// <summary>The digest of what every page's layout reads besides the page (the sidebar files are made from the same).</summary>
    public static string SharedInputs(ThemeTemplates? templates, Dictionary<string, object?> site, IReadOnlyList<NavItem> tree, BuildContext context) =>
        BuildCache.Digest(templates?.Digest, DocumentDigest.OfValue(site), SidebarModel.TreeDigest(tree), BuildCache.InputFiles(context));

    protected override bool ShouldProcess(Document document) => document.IsHtmlPage;

    protected override Document Process(Document document, BuildContext context)
    {
        var model = new TemplateContext(_templates!.Options);
        // The site's Markdown settings hold links made for the page's folder; the rest of the site model is shared.
        model.SetValue("site", _siteText!.For(document.OutputPath));
        model.SetValue("page", PageModel.Page(document, context));
        var nav = PageModel.Navigation(document, _sidebar);
        nav.Sidebar = _sidebarHtml?.For(document.OutputPath) ?? "";
        model.SetValue("nav", nav);
        model.SetValue("root", UrlPaths.RootPrefix(document.OutputPath));
        // Hosts serve 404.html at whatever address was missing, at any depth: its links must not be
        // relative to that address. A <base> of the site's address (or the host's root without one) makes them work there.
        if (document.OutputPath == "404.html") model.SetValue("base_href", context.Config.BaseUrl ?? "/");
        var html = _templates.Layout.Render(model, Encoder);
        if (string.IsNullOrWhiteSpace(html))
            context.Diagnostics.Error(document.SourcePath.Length > 0 ? document.SourcePath : document.OutputPath, 0, 0,
                "the layout produced an empty page; check theme/layout.liquid.");
        return document with { Content = html };
    }
}
