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
/// A sidebar written as a shared file (<see cref="BuildContext.SidebarFiles"/>) is not: the page
/// gets its compact sidebar and, as `nav.sidebar_script`, the file that fills in the rest.
/// </summary>
public sealed class SidebarHtml(ThemeTemplates templates, Dictionary<string, object?> site, SidebarModel model, HtmlEncoder encoder, IReadOnlyDictionary<string, string>? files = null)
{
    /// <summary>The list of the sidebar alone, as shared files hold it (the sidebar partial includes it).</summary>
    public const string ListPartial = "partials/sidebar-list.liquid";

    /// <summary>A rendered sidebar, and where to mark each of its links as the current page.</summary>
    private sealed record Rendered(string Html, Dictionary<string, List<int>> Marks);

    private readonly ConcurrentDictionary<string, Rendered> _rendered = new(StringComparer.Ordinal);

    public string For(string outputPath)
    {
        if (files is not null && files.TryGetValue(model.Key(outputPath), out var file))
            return Render(templates.Sidebar!, outputPath, model.Compact(outputPath), UrlPaths.Relative(outputPath, file));
        var rendered = _rendered.GetOrAdd(model.Key(outputPath), _ => Render(outputPath));
        return rendered.Marks.TryGetValue(UrlPaths.Relative(outputPath, outputPath), out var marks) ? Insert(rendered.Html, marks) : rendered.Html;
    }

    private Rendered Render(string outputPath)
    {
        var html = Render(templates.Sidebar!, outputPath, model.Shared(outputPath), script: null);
        return new Rendered(html, Marks(html));
    }

    /// <summary>The whole list the pages at <paramref name="outputPath"/>'s key share, none marked current: the content of their shared file.</summary>
    public string SharedList(string outputPath) => Render(templates.Partials[ListPartial], outputPath, model.Shared(outputPath), script: null);

    private string Render(IFluidTemplate template, string outputPath, List<Dictionary<string, object?>> tree, string? script)
    {
        var context = new TemplateContext(templates.Options);
        context.SetValue("site", site);
        context.SetValue("root", UrlPaths.RootPrefix(outputPath));
        context.SetValue("nav", new Dictionary<string, object?> { ["tree"] = tree, ["sidebar_script"] = script });
        return template.Render(context, encoder);
    }

    /// <summary>
    /// For each href, where aria-current="page" goes in the links to it (just before the tag's
    /// end), found once per rendered sidebar rather than once per page.
    /// </summary>
    private static Dictionary<string, List<int>> Marks(string html)
    {
        var marks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var tokens = new HtmlTokenizer(html);
        while (tokens.Read())
            if (tokens.Kind == HtmlTokenKind.StartTag && tokens.Is("a") && tokens.Attribute("href") is { } href && !tokens.HasAttribute("aria-current"))
            {
                if (!marks.TryGetValue(href, out var at)) marks[href] = at = [];
                at.Add(html[tokens.End - 2] == '/' ? tokens.End - 2 : tokens.End - 1);
            }
        return marks;
    }

    private const string CurrentMark = " aria-current=\"page\"";

    /// <summary>The sidebar with the page's own links marked, written straight into a string of its final length (every page makes one).</summary>
    private static string Insert(string html, List<int> marks) =>
        string.Create(html.Length + marks.Count * CurrentMark.Length, (html, marks), static (marked, state) =>
        {
            var (from, to) = (0, 0);
            foreach (var at in state.marks)
            {
                state.html.AsSpan(from, at - from).CopyTo(marked[to..]);
                to += at - from;
                CurrentMark.CopyTo(marked[to..]);
                to += CurrentMark.Length;
                from = at;
            }
            state.html.AsSpan(from).CopyTo(marked[to..]);
        });
}
