using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;
using SiteGen.Engine;
using SiteGen.Html;

namespace SiteGen.Theme;

/// <summary>
/// The rendered sidebar (theme/partials/sidebar.liquid), made once per folder and open path and
/// shared by every page that shows the same one; the link to the page itself is then marked
/// aria-current="page" in the HTML. On a large site the sidebar is most of every page, and
/// rendering it per page cost more than all the rest of the layout.
/// The partial sees `site`, `root` and `nav.tree` (nothing of the page, which it is shared across).
/// </summary>
public sealed class SidebarHtml(ThemeTemplates templates, Dictionary<string, object?> site, SidebarModel model, HtmlEncoder encoder)
{
    private readonly ConcurrentDictionary<string, string> _rendered = new(StringComparer.Ordinal);

    public string For(string outputPath)
    {
        var html = _rendered.GetOrAdd(model.Key(outputPath), _ => Render(outputPath));
        return MarkCurrent(html, UrlPaths.Relative(outputPath, outputPath));
    }

    private string Render(string outputPath)
    {
        var context = new TemplateContext(templates.Options);
        context.SetValue("site", site);
        context.SetValue("root", UrlPaths.RootPrefix(outputPath));
        context.SetValue("nav", new Dictionary<string, object?> { ["tree"] = model.Shared(outputPath) });
        return templates.Sidebar!.Render(context, encoder);
    }

    /// <summary>Adds aria-current="page" to each link whose href is the page's own URL.</summary>
    public static string MarkCurrent(string html, string ownUrl)
    {
        var marks = new List<int>();
        var tokens = new HtmlTokenizer(html);
        while (tokens.Read())
            if (tokens.Kind == HtmlTokenKind.StartTag && tokens.Is("a") && tokens.Attribute("href") == ownUrl && !tokens.HasAttribute("aria-current"))
                marks.Add(html[tokens.End - 2] == '/' ? tokens.End - 2 : tokens.End - 1);
        if (marks.Count == 0) return html;
        var marked = new System.Text.StringBuilder(html.Length + marks.Count * 20);
        var from = 0;
        foreach (var at in marks)
        {
            marked.Append(html, from, at - from).Append(" aria-current=\"page\"");
            from = at;
        }
        return marked.Append(html, from, html.Length - from).ToString();
    }
}
