using SiteGen.Engine;
using SiteGen.Theme;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Theme;

/// <summary>What the sidebar of a built page shows, read from the page as a browser would.</summary>
public class SidebarTests
{
    /// <summary>A built site: a home page and a section "Guide" with <paramref name="count"/> numbered pages.</summary>
    private static TempSite SectionOf(int count, string? siteYml = null)
    {
        var pages = new List<(string, string)> { ("index.md", "---\ntitle: Home\n---\nWelcome.\n"), ("guide/index.md", "---\ntitle: Guide\n---\nAll about it.\n") };
        for (var i = 1; i <= count; i++) pages.Add(($"guide/step-{i:000}.md", $"---\ntitle: Step {i}\n---\nText {i}.\n"));
        var site = TempSite.WithPages([.. pages]);
        if (siteYml is not null) site.Write("site.yml", siteYml);
        Assert.Equal(0, site.Build().ExitCode);
        return site;
    }

    private static List<(string Text, string Href, string? Current, string? Class)> Entries(TempSite site, string page) =>
        Dom.Parse(site.ReadOutput(page)).QuerySelectorAll("nav#site-nav li li > a")
            .Select(a => (a.TextContent, a.GetAttribute("href")!, a.GetAttribute("aria-current"), a.ParentElement!.GetAttribute("class"))).ToList();

    [Fact]
    public void A_long_section_shows_the_block_of_entries_around_the_page_with_links_to_the_others()
    {
        using var site = SectionOf(250, "title: Long\nsidebar_max_entries: 100\nsidebar_inline_max: 0\n");
        var entries = Entries(site, "guide/step-150.html");
        Assert.Equal(102, entries.Count);
        Assert.Equal(("Earlier pages (1–100 of 250)", "step-001.html", null, "more"), entries[0]);
        Assert.Equal(("Step 101", "step-101.html", null, null), entries[1]);
        Assert.Equal(("Step 150", "step-150.html", "page", null), entries[50]);
        Assert.Equal(("Step 200", "step-200.html", null, null), entries[100]);
        Assert.Equal(("More pages (201–250 of 250)", "step-201.html", null, "more"), entries[101]);
        // The first block has no link back; the last no link onward.
        Assert.Equal("More pages (101–200 of 250)", Entries(site, "guide/step-001.html")[^1].Text);
        var last = Entries(site, "guide/step-250.html");
        Assert.Equal(["Earlier pages (101–200 of 250)", "Step 201"], last.Take(2).Select(e => e.Text));
        Assert.Equal(("Step 250", "page"), (last[^1].Text, last[^1].Current));
    }

    [Fact]
    public void A_section_within_the_limit_and_a_limit_of_zero_list_every_entry()
    {
        using var site = SectionOf(120, "title: Long\nsidebar_max_entries: 0\nsidebar_inline_max: 0\n");
        var entries = Entries(site, "guide/step-060.html");
        Assert.Equal(120, entries.Count);
        Assert.DoesNotContain(entries, e => e.Class == "more");
        Assert.Single(entries, e => e.Current == "page");
    }

    [Fact]
    public void Every_page_of_a_block_shares_the_sidebar_except_for_its_own_mark()
    {
        using var site = SectionOf(30);
        var first = Entries(site, "guide/step-001.html");
        var second = Entries(site, "guide/step-002.html");
        Assert.Equal(30, first.Count);
        Assert.Equal("Step 1", Assert.Single(first, e => e.Current == "page").Text);
        Assert.Equal("Step 2", Assert.Single(second, e => e.Current == "page").Text);
        Assert.Equal(first.Select(e => (e.Text, e.Href)), second.Select(e => (e.Text, e.Href)));
        // The section's own index page is marked in the list above.
        var index = Dom.Parse(site.ReadOutput("guide/index.html")).QuerySelector("nav#site-nav a[aria-current=page]")!;
        Assert.Equal(("Guide", "index.html"), (index.TextContent, index.GetAttribute("href")));
    }

    /// <summary>The list a shared sidebar file holds, as the page's script puts it in (JavaScript string escapes undone).</summary>
    private static string SharedList(TempSite site, string page)
    {
        var script = Dom.Parse(site.ReadOutput(page)).QuerySelector("details.sidebar script[src]")!.GetAttribute("src")!;
        var text = File.ReadAllText(Path.GetFullPath(Path.Combine(site.Output, Path.GetDirectoryName(page)!, script)));
        Assert.StartsWith("SiteGenSidebar(\"", text);
        Assert.EndsWith("\");\n", text);
        return System.Text.Json.JsonSerializer.Deserialize<string>(text["SiteGenSidebar(".Length..^3])!;
    }

    [Fact]
    public void A_sidebar_longer_than_the_inline_limit_is_one_shared_file_and_each_page_carries_its_own_way_down()
    {
        using var site = SectionOf(80);
        var page = Dom.Parse(site.ReadOutput("guide/step-040.html"));
        // Without script: the top level, and below it only the way to this page, marked.
        var compact = page.QuerySelectorAll("nav#site-nav a").Select(a => (a.TextContent, a.GetAttribute("aria-current"))).ToList();
        Assert.Equal([("Home", null), ("Guide", null), ("Step 40", "page")], compact);
        // With script: every entry, from one file that every page of the section loads.
        var script = page.QuerySelector("details.sidebar script[src]")!.GetAttribute("src")!;
        Assert.Matches("^\\.\\./assets/nav/[0-9a-f]{16}\\.js$", script);
        Assert.True(page.QuerySelector("details.sidebar script[src]")!.HasAttribute("defer"));
        foreach (var other in new[] { "guide/step-001.html", "guide/step-080.html", "guide/index.html" })
            Assert.Equal(script, Dom.Parse(site.ReadOutput(other)).QuerySelector("details.sidebar script[src]")!.GetAttribute("src"));
        var full = Dom.Parse("<nav id=\"site-nav\">" + SharedList(site, "guide/step-040.html") + "</nav>").QuerySelectorAll("li li > a").ToList();
        Assert.Equal(80, full.Count);
        Assert.Equal(("Step 1", "step-001.html"), (full[0].TextContent, full[0].GetAttribute("href")));
        Assert.DoesNotContain(full, a => a.HasAttribute("aria-current"));
        Assert.Single(Directory.GetFiles(Path.Combine(site.Output, "assets", "nav")));
        // The home page's sidebar is short (the section is closed there): it stays in the page.
        var home = Dom.Parse(site.ReadOutput("index.html"));
        Assert.Null(home.QuerySelector("details.sidebar script"));
        Assert.Equal(["Home", "Guide"], home.QuerySelectorAll("nav#site-nav a").Select(a => a.TextContent));
        // Each page is lighter by the list it no longer repeats.
        Assert.True(site.ReadOutput("guide/step-040.html").Length < 9000, $"{site.ReadOutput("guide/step-040.html").Length} characters");
    }

    [Fact]
    public void A_layout_that_lists_nav_tree_itself_gets_the_entries_with_the_page_marked()
    {
        // nav.tree is made only when a layout reads it: a theme that draws its own list still gets it whole.
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nWelcome.\n"), ("guide/index.md", "---\ntitle: Guide\n---\nAll about it.\n"),
            ("guide/one.md", "---\ntitle: One\n---\nText.\n"), ("guide/two.md", "---\ntitle: Two\n---\nText.\n"));
        var layout = File.ReadAllText(Path.Combine(site.Theme, "layout.liquid"));
        site.WriteTheme("layout.liquid", layout.Replace("{{ nav.sidebar | raw }}",
            "<ol id=\"own-tree\">{% for item in nav.tree %}<li>{{ item.title }}{% for child in item.children %}<a href=\"{{ child.url }}\"{% if child.current %} data-current{% endif %}>{{ child.title }}</a>{% endfor %}</li>{% endfor %}</ol>"));
        Assert.Equal(0, site.Build().ExitCode);
        var links = Dom.Parse(site.ReadOutput("guide/two.html")).QuerySelectorAll("#own-tree a")
            .Select(a => (a.TextContent, a.GetAttribute("href"), a.HasAttribute("data-current"))).ToList();
        Assert.Equal([("One", "one.html", false), ("Two", "two.html", true)], links);
        Assert.Equal(["Home", "Guide"], Dom.Parse(site.ReadOutput("index.html")).QuerySelectorAll("#own-tree > li").Select(li => li.TextContent));
    }

    [Fact]
    public void An_inline_limit_of_zero_keeps_every_sidebar_in_its_pages()
    {
        using var site = SectionOf(80, "title: Inline\nsidebar_inline_max: 0\n");
        Assert.Equal(80, Entries(site, "guide/step-040.html").Count);
        Assert.Null(Dom.Parse(site.ReadOutput("guide/step-040.html")).QuerySelector("details.sidebar script"));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "assets", "nav")));
    }

    /// <summary>
    /// Whether a sidebar goes to a shared file depends on how many entries it shows; that number is
    /// counted without listing them, and must be the length of the list itself, at every page, with
    /// and without blocks of a long list.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(5)]
    public void The_entries_a_sidebar_shows_are_counted_as_many_as_it_lists(int maxEntries)
    {
        static NavItem Page(string path) => new(new NavLink(path, path), []);
        static NavItem Section(string folder, int pages, params NavItem[] sections) =>
            new(new NavLink(folder + "index.html", folder), [.. Enumerable.Range(1, pages).Select(i => Page($"{folder}p{i}.html")), .. sections]);
        IReadOnlyList<NavItem> tree =
        [
            Page("index.html"),
            Section("a/", 12, Section("a/b/", 7, Section("a/b/c/", 2)), Section("a/d/", 0)),
            Section("e/", 4),
            .. Enumerable.Range(1, 6).Select(i => Page($"top{i}.html")),
        ];
        static IEnumerable<NavItem> All(IEnumerable<NavItem> items) => items.SelectMany(i => All(i.Children).Prepend(i));
        static int Listed(List<Dictionary<string, object?>> entries) =>
            entries.Count + entries.Sum(e => Listed((List<Dictionary<string, object?>>)e["children"]!));
        var model = new SidebarModel(tree, maxEntries);
        var pages = All(tree).Select(i => i.Link.OutputPath).Append("not-in-the-tree.html").ToList();
        Assert.Equal(38, pages.Count);
        foreach (var page in pages)
            Assert.True(Listed(model.Shared(page)) == model.Count(page), $"{page}: counted {model.Count(page)}, listed {Listed(model.Shared(page))}");
    }
}
