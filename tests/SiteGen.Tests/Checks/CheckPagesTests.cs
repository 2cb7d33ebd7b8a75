using SiteGen.Tests.Support;

namespace SiteGen.Tests.Checks;

public class CheckPagesTests
{
    private const string Page = "---\ntitle: Home\n---\n## Intro\n\nText\n";

    [Fact]
    public void A_theme_that_drops_the_callout_fails_the_build_and_names_each_page()
    {
        using var site = TempSite.WithPages(("index.md", Page), ("about.md", "---\ntitle: About\n---\nx\n"));
        var layout = File.ReadAllText(Path.Combine(site.Theme, "layout.liquid"));
        site.WriteTheme("layout.liquid", layout.Replace("{{ page.callout | raw }}", ""));
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        foreach (var page in new[] { "index.html", "about.html", "404.html", "search.html" })
            Assert.Contains(result.Diagnostics, d => d.Message == $"page '{page}' has no evidence-limitations callout; the theme's layout must include {{{{ page.callout }}}}.");
        Assert.False(Directory.Exists(site.Output), "a failed build must not write output");
    }

    [Fact]
    public void A_callout_printed_twice_fails_the_build()
    {
        using var site = TempSite.WithPages(("index.md", Page));
        var layout = File.ReadAllText(Path.Combine(site.Theme, "layout.liquid"));
        site.WriteTheme("layout.liquid", layout.Replace("{{ page.callout | raw }}", "{{ page.callout | raw }}{{ page.callout | raw }}"));
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("'index.html' has 2 evidence-limitations callouts"));
    }

    [Fact]
    public void A_callout_after_the_content_fails_the_build()
    {
        using var site = TempSite.WithPages(("index.md", Page));
        var layout = File.ReadAllText(Path.Combine(site.Theme, "layout.liquid"));
        site.WriteTheme("layout.liquid", layout.Replace("{{ page.callout | raw }}", "").Replace("{% include 'partials/pager' %}", "{{ page.callout | raw }}"));
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("callout must come before the page content"));
    }

    [Fact]
    public void A_broken_fragment_written_in_markdown_is_reported_at_its_source_line()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nSee [x](about.md#nowhere).\n"), ("about.md", "---\ntitle: About\n---\n## Somewhere\n"));
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics);
        Assert.EndsWith("index.md", error.File);
        Assert.Equal((4, 5), (error.Line, error.Column));
        Assert.Equal("link 'about.html#nowhere' points to '#nowhere', which 'about.html' does not have.", error.Message);
    }

    [Fact]
    public void A_broken_link_in_the_theme_is_reported_at_the_page()
    {
        using var site = TempSite.WithPages(("index.md", Page));
        var header = File.ReadAllText(Path.Combine(site.Theme, "partials", "header.liquid"));
        site.WriteTheme("partials/header.liquid", header.Replace("index.html", "home.html"));
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d.Message == "page 'index.html': <a> 'home.html' points to 'home.html', which the site does not contain.");
    }

    [Fact]
    public void A_working_fragment_passes()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nSee [x](about.md#somewhere).\n"), ("about.md", "---\ntitle: About\n---\n## Somewhere\n"));
        var result = site.Build();
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Two_pages_on_one_url_are_reported_once_and_the_checks_still_run()
    {
        using var site = TempSite.WithPages(("index.md", Page), ("01-step.md", "---\ntitle: One\n---\n[x](#nowhere)\n"), ("02-step.md", "---\ntitle: Two\n---\nx\n"));
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("step.html"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("could not be processed"));
    }
}
