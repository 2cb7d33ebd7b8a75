using SiteGen.Tests.Support;

namespace SiteGen.Tests.Theme;

/// <summary>The theme's scripts and style sheets reach readers minified; the theme keeps the readable source.</summary>
public class MinifiedAssetsTests
{
    [Fact]
    public void The_search_script_and_style_sheet_are_published_at_under_half_and_under_nine_tenths_of_their_source()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        Assert.Equal(0, site.Build().ExitCode);
        var script = File.ReadAllText(Path.Combine(site.Theme, "assets", "search.js"));
        var published = site.ReadOutput("assets/search.js");
        Assert.True(published.Length < script.Length / 2, $"search.js published at {published.Length} of {script.Length} characters");
        Assert.DoesNotContain("// ", published);
        Assert.Contains("window.SiteGenSearch", published);  // the page's hook stays (the browser tests run the published file)
        var sheet = File.ReadAllText(Path.Combine(site.Theme, "assets", "site.css"));
        var publishedSheet = site.ReadOutput("assets/site.css");
        Assert.True(publishedSheet.Length < sheet.Length * 9 / 10, $"site.css published at {publishedSheet.Length} of {sheet.Length} characters");
        Assert.DoesNotContain("/*", publishedSheet);
    }

    [Fact]
    public void A_script_the_minifier_cannot_read_is_published_as_written_with_a_warning_at_its_line()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        const string broken = "window.ok = 1;\nfunction (\n";
        site.WriteTheme("assets/site.js", broken);
        var result = site.Build();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(broken, site.ReadOutput("assets/site.js"));
        var warning = Assert.Single(result.Diagnostics, d => d.File.EndsWith("site.js"));
        Assert.Equal(2, warning.Line);
        Assert.StartsWith("published as written, not minified: the minifier stopped here (", warning.Message);
    }
}
