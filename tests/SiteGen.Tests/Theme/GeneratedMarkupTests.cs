using SiteGen.Tests.Support;

namespace SiteGen.Tests.Theme;

/// <summary>The markup the build generates (callout, reference lists, generated pages) is the theme's to change.</summary>
public class GeneratedMarkupTests
{
    private const string Page = "---\ntitle: Home\nlimitations: [One small trial.]\n---\nKetamine [@a].\n";

    [Fact]
    public void A_theme_changes_the_callout_and_the_reference_list_by_editing_their_partials()
    {
        using var site = TempSite.WithPages(("index.md", Page));
        site.Write("citations.json", "[{\"id\":\"a\",\"title\":\"A trial\",\"DOI\":\"10.1/a\"}]");
        site.WriteTheme("partials/callout.liquid",
            "<aside class=\"evidence-limitations\" role=\"note\"><h2>{{ callout.heading | upcase }}</h2>{% for point in callout.page_points_html %}<em>{{ point | raw }}</em>{% endfor %}</aside>\n");
        site.WriteTheme("partials/reference-list.liquid",
            "<section class=\"references\"><h2 id=\"references\">Sources</h2>{% for entry in references.entries %}<p id=\"{{ entry.id }}\">{{ entry.reference_html | raw }}</p>{% endfor %}</section>\n");
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        var dom = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content);
        Assert.Equal("LIMITATIONS OF THE EVIDENCE", dom.QuerySelector("aside.evidence-limitations h2")!.TextContent);
        Assert.Equal("One small trial.", dom.QuerySelector("aside.evidence-limitations em")!.TextContent);
        Assert.Equal("Sources", dom.QuerySelector("section.references h2")!.TextContent);
        Assert.Contains("A trial", dom.QuerySelector("section.references p#ref-a")!.TextContent);
    }

    [Fact]
    public void A_theme_without_a_partial_the_build_renders_is_an_error_naming_it()
    {
        using var site = TempSite.WithPages(("index.md", Page));
        File.Delete(Path.Combine(site.Theme, "partials", "evidence-table.liquid"));
        // With no built-in theme to fall back on (a theme used on its own).
        var context = TestContext.Create() with { Paths = new SitePaths(site.Input, site.Theme, site.Output) { BuiltInTheme = null } };
        Assert.NotNull(ThemeTemplates.Load(context));
        var error = Assert.Single(context.Diagnostics.All);
        Assert.EndsWith("partials/evidence-table.liquid", error.File.Replace('\\', '/'));
        Assert.Equal("the theme has no partials/evidence-table.liquid, which the build renders; copy it from SiteGen's theme.", error.Message);
    }

    [Fact]
    public void A_site_theme_holds_only_the_files_it_changes_and_the_rest_come_from_the_built_in_theme()
    {
        using var site = TempSite.WithPages(("index.md", Page));
        Directory.Delete(site.Theme, recursive: true);
        site.Write("citations.json", "[{\"id\":\"a\",\"title\":\"A trial\",\"DOI\":\"10.1/a\"}]");
        Directory.CreateDirectory(Path.Combine(site.Theme, "partials"));
        Directory.CreateDirectory(Path.Combine(site.Theme, "assets"));
        site.WriteTheme("partials/footer.liquid", "<footer class=\"site-footer\"><p>Our own footer.</p></footer>\n");
        site.WriteTheme("assets/site.css", "body { color: black; }\n");
        site.WriteTheme("partials/foter.liquid", "misspelt\n");
        site.WriteTheme("assets/sit.css", "p { margin: 0; }\n");
        site.WriteTheme("assets/brand-new.js", "// a file of the site's own\nwindow.siteOwn = 1;\n");
        var result = site.Build();
        Assert.Equal(0, result.ExitCode);
        var page = Dom.Parse(site.ReadOutput("index.html"));
        Assert.Equal("Our own footer.", page.QuerySelector("footer")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("aside.evidence-limitations"));                      // built-in callout partial
        Assert.Equal("body{color:#000}\n", site.ReadOutput("assets/site.css"));                // overridden asset, minified
        Assert.Contains("SiteGenSearch", site.ReadOutput("assets/search.js"));                   // built-in asset
        var warning = Assert.Single(result.Diagnostics, d => d.File.EndsWith("foter.liquid"));
        Assert.Equal("the built-in theme has no partials/foter.liquid, so it replaces nothing (did you mean partials/footer.liquid?)", warning.Message);
        var asset = Assert.Single(result.Diagnostics, d => d.File.EndsWith("sit.css"));
        Assert.Equal("the built-in theme has no assets/sit.css, so it replaces nothing and is published as a file of its own (did you mean assets/site.css?).", asset.Message);
        Assert.Equal(2, result.Diagnostics.Count); // a new asset with no near built-in name is the site's own, published quietly
        Assert.Equal("window.siteOwn=1\n", site.ReadOutput("assets/brand-new.js"));
    }

    [Fact]
    public void Generated_pages_list_every_page_through_the_page_list_partial()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\ndescription: Start here.\n---\nx\n"), ("about.md", "---\ntitle: About\n---\nx\n"));
        site.WriteTheme("partials/page-list.liquid", "<ol class=\"mine\">{% for entry in pages %}<li data-url=\"{{ entry.url }}\">{{ entry.title }}</li>{% endfor %}</ol>\n");
        var result = site.Build(write: false);
        foreach (var page in new[] { "404.html", "search.html" })
        {
            var items = Dom.Parse(result.Documents.Single(d => d.OutputPath == page).Content).QuerySelectorAll("ol.mine li");
            Assert.Equal(["about.html", "index.html"], items.Select(i => i.GetAttribute("data-url")));
        }
    }

    [Fact]
    public void The_footer_disclaimer_and_crisis_lines_come_from_site_yml_with_raw_html_escaped()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHello.\n"));
        site.Write("site.yml", "title: T\ndisclaimer: \"Not advice. <script>alert(1)</script> **Ask** a clinician.\"\n" +
                               "crisis_title: Need help now?\ncrisis_text: Call your local emergency number.\ncrisis_lines: [\"Line **one**.\"]\n");
        var footer = Dom.Parse(site.Build(write: false).Documents.Single(d => d.OutputPath == "index.html").Content).QuerySelector("footer")!;
        Assert.Equal("Not advice. <script>alert(1)</script> Ask a clinician.", footer.QuerySelector(".disclaimer p")!.TextContent);
        Assert.Equal("Ask", footer.QuerySelector(".disclaimer p strong")!.TextContent);
        Assert.Empty(footer.QuerySelectorAll("script"));
        Assert.Equal("Need help now?", footer.QuerySelector(".crisis h2")!.TextContent);
        Assert.Equal("one", footer.QuerySelector(".crisis li strong")!.TextContent);

        site.Write("site.yml", "title: T\n");
        var plain = Dom.Parse(site.Build(write: false).Documents.Single(d => d.OutputPath == "index.html").Content).QuerySelector("footer")!;
        Assert.Null(plain.QuerySelector(".crisis"));
        Assert.Null(plain.QuerySelector(".disclaimer"));
    }

    [Fact]
    public void Every_word_of_the_theme_comes_from_its_strings_file_and_a_site_can_change_any_of_them()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\nreviewed: 2026-01-02\n---\n## One\n\nx\n\n## Two\n\ny\n"));
        site.Write("site.yml", "title: T\nstrings:\n  on_this_page: Contents\n  skip_link: Jump to the text\n  last_reviewd: Checked\n");
        var result = site.Build(write: false);
        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content);
        Assert.Equal("Contents", page.QuerySelector("#toc-title")!.TextContent);
        Assert.Equal("Jump to the text", page.QuerySelector(".skip-link")!.TextContent);
        Assert.StartsWith("Last reviewed", page.QuerySelector(".page-meta")!.TextContent); // the rest stays the theme's
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((5, "the theme has no string 'last_reviewd' (did you mean 'last_reviewed'?)"), (warning.Line, warning.Message));
    }

    [Fact]
    public void A_language_file_that_lacks_a_key_falls_back_to_english_with_a_warning_naming_it()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\n## One\n\nx\n\n## Two\n\ny\n"));
        site.Write("site.yml", "title: T\nlanguage: fr\n");
        site.WriteTheme("strings/fr.yml", "on_this_page: Sur cette page\n");
        var result = site.Build(write: false);
        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content);
        Assert.Equal("Sur cette page", page.QuerySelector("#toc-title")!.TextContent);
        Assert.Equal("Skip to content", page.QuerySelector(".skip-link")!.TextContent);
        Assert.Contains(result.Diagnostics, d => d.Message == "no string 'skip_link' for language 'fr'; the English one is shown.");
    }
}
