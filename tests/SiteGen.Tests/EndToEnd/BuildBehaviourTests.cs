using System.Security.Cryptography;
using SiteGen.Build;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

public class BuildBehaviourTests
{
    private static Dictionary<string, string> Hashes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Two_builds_of_the_same_input_are_byte_identical_whatever_the_thread_count()
    {
        using var site = TempSite.CopyOfRealSite();
        var first = Path.Combine(site.Root, "out1");
        var second = Path.Combine(site.Root, "out2");
        Assert.Equal(0, site.Build(first, workers: 1).ExitCode);
        Assert.Equal(0, site.Build(second, workers: 2).ExitCode);
        Assert.Equal(Hashes(first), Hashes(second));
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_output_intact()
    {
        using var site = TempSite.CopyOfRealSite();
        Assert.Equal(0, site.Build().ExitCode);
        var before = Hashes(site.Output);

        site.Write("04-considerations.md", "---\ntitle: [broken\n---\nText\n");
        var result = site.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(before, Hashes(site.Output));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".output.staging-*"));
    }

    [Fact]
    public void A_successful_build_replaces_the_output_and_removes_pages_that_are_gone()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"), ("old.md", "---\ntitle: Old\n---\nx\n"));
        Assert.Equal(0, site.Build().ExitCode);
        File.Delete(Path.Combine(site.Input, "old.md"));
        Assert.Equal(0, site.Build().ExitCode);
        Assert.False(File.Exists(Path.Combine(site.Output, "old.html")));
        Assert.Empty(Directory.EnumerateDirectories(site.Root, ".output.staging-*"));
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        using var site = TempSite.WithPages(
            ("a.md", "---\ntitle: A\norder: x\n---\n[b](missing.md)\n"),
            ("b.md", "---\ntitle: B\n---\n[c](gone.md)\n"));
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.Diagnostics.Count(d => d.File.EndsWith("a.md"))); // bad order, and the missing link
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("b.md") && d.Message.Contains("gone.md"));
    }

    [Fact]
    public void Errors_found_while_rendering_do_not_hide_those_found_after_layout()
    {
        using var site = TempSite.WithPages(
            ("index.md", "---\ntitle: Home\n---\n[a](gone.md)\n\n![chart](missing.png)\n\n[b](about.md#nowhere)\n"),
            ("about.md", "---\ntitle: About\n---\n## Team\n"));
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["broken-link", "missing-image", "missing-anchor"], result.Diagnostics.Select(d => d.Rule));
        Assert.Equal([4, 6, 8], result.Diagnostics.Select(d => d.Line));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void A_base_url_adds_canonical_links_and_an_absolute_sitemap()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"), ("sub/page.md", "---\ntitle: Page\nreviewed: 2026-01-02\n---\nx\n"));
        var result = SiteBuilder.Build(new BuildOptions(site.Input, site.Output, site.Theme, BaseUrl: "https://example.org/docs"), Log.Silent);
        Assert.Equal(0, result.ExitCode);
        var page = Dom.Parse(site.ReadOutput("sub/page.html"));
        Assert.Equal("https://example.org/docs/sub/page.html", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("https://example.org/docs/", Dom.Parse(site.ReadOutput("index.html")).QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        var sitemap = site.ReadOutput("sitemap.xml");
        Assert.Contains("<loc>https://example.org/docs/sub/page.html</loc><lastmod>2026-01-02</lastmod>", sitemap);
        Assert.Contains("Sitemap: https://example.org/docs/sitemap.xml", site.ReadOutput("robots.txt"));
        // 404 pages are served at any depth, so they resolve their links against the site root.
        Assert.Equal("https://example.org/docs/", Dom.Parse(site.ReadOutput("404.html")).QuerySelector("base")!.GetAttribute("href"));
    }

    [Fact]
    public void An_edit_url_links_each_page_to_its_source_file()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\nreviewed: 2026-01-02\n---\nx\n"),
                                            ("03-evidence/01-trial.md", "---\ntitle: Trial\nreviewed: 2026-01-02\n---\nx\n"));
        site.Write("site.yml", "title: Test\nedit_url: https://github.com/example/site/edit/main/input/\n");
        Assert.Equal(0, site.Build().ExitCode);
        var link = Dom.Parse(site.ReadOutput("evidence/trial.html")).QuerySelector("a.edit-link")!;
        Assert.Equal("https://github.com/example/site/edit/main/input/03-evidence/01-trial.md", link.GetAttribute("href"));
    }

    [Fact]
    public void Bad_input_names_file_line_and_column()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\nreviewed: last week\n---\nx\n"));
        var error = Assert.Single(site.Build().Diagnostics);
        Assert.EndsWith("index.md", error.File);
        Assert.Equal((3, 11), (error.Line, error.Column));
    }

    [Fact]
    public void Front_matter_that_is_never_closed_is_reported()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n\nBody text\n"));
        var error = Assert.Single(site.Build().Diagnostics);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Images_and_other_files_in_input_are_published_but_partials_are_not()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\n![A chart](img/chart.png)\n"));
        site.Write("img/chart.png", "png");
        Assert.Equal(0, site.Build().ExitCode);
        Assert.True(File.Exists(Path.Combine(site.Output, "img", "chart.png")));
        Assert.False(Directory.Exists(Path.Combine(site.Output, "_partials")));
        Assert.False(File.Exists(Path.Combine(site.Output, "site.yml")));
    }
}
