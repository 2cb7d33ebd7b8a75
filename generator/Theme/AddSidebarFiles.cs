using System.Text.Encodings.Web;
using SiteGen.Engine;

namespace SiteGen.Theme;

/// <summary>
/// Gather: a sidebar longer than site.yml's 'sidebar_inline_max' is written once, as a script
/// file in assets/nav/ named by its content, for every page that shows it; each of those pages
/// carries only its compact sidebar and loads the file (the browser keeps it for the next page of
/// the section). A script file rather than an HTML fragment: fetching a file is refused from
/// file://, loading a script is not, and the strict CSP allows the site's own scripts.
/// </summary>
public sealed class AddSidebarFiles : IModule
{
    public const string Folder = "assets/nav/";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        context.SidebarFiles = new Dictionary<string, string>();
        var tree = documents.FirstOrDefault(d => d.Navigation is not null)?.Navigation?.Tree ?? [];
        var templates = context.Templates;
        if (context.Config.SidebarInlineMax == 0 || tree.Count == 0 || templates?.Sidebar is null) return documents;
        var pages = documents.Where(d => d.IsHtmlPage).Select(d => d.OutputPath).ToList();
        var site = PageModel.Site(context);
        // In `serve` the files are made again only when the tree, the pages, the theme or the
        // settings change: an edit to a page's text leaves them as they were (17 ms of each
        // 1,000-page rebuild).
        var (files, added) = BuildCache.Remember(context, nameof(AddSidebarFiles),
            () => BuildCache.Digest(ApplyLayout.SharedInputs(templates, site, tree, context), string.Join("\n", pages)),
            () => Make(tree, pages, templates, site, context));
        context.SidebarFiles = files;
        return added.Count == 0 ? documents : [.. documents, .. added];
    }

    private static (Dictionary<string, string> Files, List<Document> Added) Make(
        IReadOnlyList<NavItem> tree, List<string> pages, ThemeTemplates templates, Dictionary<string, object?> site, BuildContext context)
    {
        var model = new SidebarModel(tree, context.Config.SidebarMaxEntries, templates.Words);
        var sidebar = new SidebarHtml(templates, site, model, ThemeTemplates.Encoder);
        // One page for each distinct sidebar, in the pages' order; each is measured (and its list
        // made) on its own, so the workers share them: this step runs while nothing else does.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var firsts = pages.Where(page => seen.Add(model.Key(page))).ToList();
        var lists = new string?[firsts.Count];
        Parallel.For(0, firsts.Count, context.Parallelism, i =>
        {
            if (model.Count(firsts[i]) > context.Config.SidebarInlineMax) lists[i] = sidebar.SharedList(firsts[i]);
        });
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var added = new List<Document>();
        for (var i = 0; i < firsts.Count; i++)
        {
            if (lists[i] is not { } list) continue;
            var path = Folder + BuildCache.Digest(list)[..16].ToLowerInvariant() + ".js";
            files[model.Key(firsts[i])] = path;
            // site.js defines SiteGenSidebar; the default encoder escapes <, > and &, so the list cannot end the script.
            added.Add(new Document { SourcePath = "", OutputPath = path, Kind = DocumentKind.GeneratedFile, Content = $"SiteGenSidebar(\"{JavaScriptEncoder.Default.Encode(list)}\");\n" });
        }
        return (files, [.. added.DistinctBy(d => d.OutputPath)]);
    }
}
