using System.Text.Json;
using SiteGen.Build;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Theme;

/// <summary>Details a reader or an editor met (issue "reading experience"): each failed before it was fixed.</summary>
public class ReaderDetailsTests
{
    [Fact]
    public void The_404_page_works_at_any_depth_and_no_other_page_carries_a_base()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"), ("guide/page.md", "---\ntitle: Page\n---\nText.\n"));
        var result = site.Build(write: false);
        Assert.Equal("/", Dom.Parse(result.Documents.Single(d => d.OutputPath == "404.html").Content).QuerySelector("base")!.GetAttribute("href"));
        Assert.All(result.Documents.Where(d => d.IsHtmlPage && d.OutputPath != "404.html"), d => Assert.DoesNotContain("<base", d.Content));
    }

    [Fact]
    public void Cite_this_page_gives_no_relative_address_when_the_site_has_none()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"), ("trials.md", "---\ntitle: Trials\nreviewed: 2026-11-01\ntags: [evidence, rct]\n---\nText.\n"));
        var page = Dom.Parse(site.Build(write: false).Documents.Single(d => d.OutputPath == "trials.html").Content);
        Assert.Equal("Test site. Trials. Last reviewed 1 November 2026.", page.QuerySelector(".cite-text")!.TextContent);
        Assert.DoesNotContain("url =", page.QuerySelector(".cite-page pre code")!.TextContent);
        Assert.EndsWith("}", page.QuerySelector(".cite-page pre code")!.TextContent);
        Assert.Equal("Topics: evidence, rct", page.QuerySelector(".page-tags")!.TextContent);

        site.Write("site.yml", "title: Test site\nlanguage: en\nbase_url: https://example.org/kbpd/\n");
        var published = Dom.Parse(site.Build(write: false).Documents.Single(d => d.OutputPath == "trials.html").Content);
        Assert.Equal("Test site. Trials. Last reviewed 1 November 2026. Available from: https://example.org/kbpd/trials.html", published.QuerySelector(".cite-text")!.TextContent);
    }

    [Fact]
    public void Generated_pages_come_after_every_content_page_in_the_sidebar_and_the_callout_names_its_own_list()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nSee [@a].\n"), ("zebra.md", "---\ntitle: Zebra\nlimitations: [A point]\n---\n## One\n\n## Two\n"));
        site.Write("citations.json", "[{\"id\":\"a\",\"title\":\"A\",\"URL\":\"https://example.org/a\",\"note\":\"design: pilot RCT\"}]");
        var page = Dom.Parse(site.Build(write: false).Documents.Single(d => d.OutputPath == "zebra.html").Content);
        var sidebar = page.QuerySelectorAll(".site-nav a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Home", "Zebra", "Evidence table", "References"], sidebar);
        Assert.NotEqual(page.QuerySelector(".toc-title")!.TextContent.Trim(), page.QuerySelector(".page-limitations-title")!.TextContent.Trim().TrimEnd(':'));
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void Messages_count_in_words_and_json_keeps_apostrophes()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\nreviewed: 2026-11-01\n---\nSee [x](gone.md).\n"));
        site.Write("site.yml", "title: Test site\nlanguage: en\nfeedback_url: mailto:e@example.org\n");
        var (code, _, stderr) = SitegenProcess.Run(site.Root, "build");
        Assert.Equal(1, code);
        Assert.Contains("sitegen: build failed with 1 error and 0 warnings", stderr);
        var (_, json, _) = SitegenProcess.Run(site.Root, "check", "--format", "json", "--today", "2026-12-01");
        Assert.Contains("the output folder 'output' does not exist yet", json); // relative, as the user would type it
        Assert.DoesNotContain("\\u0027", json);
        Assert.Contains("'gone.md'", JsonDocument.Parse(json).RootElement.EnumerateArray().Select(f => f.GetProperty("message").GetString()).First(m => m!.Contains("gone.md")));
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void A_strict_check_checks_every_page_and_serve_refuses_a_missing_theme()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\nreviewed: 2026-11-01\n---\nText [@a].\n"), ("b.md", "---\ntitle: B\nreviewed: 2026-11-01\n---\nText.\n"));
        site.Write("citations.json", "[{\"id\":\"a\",\"title\":\"A\"}]"); // no DOI, PMID or URL: a warning in the settings phase
        site.Write("site.yml", "title: Test site\nlanguage: en\nfeedback_url: mailto:e@example.org\n");
        site.Build();
        var (code, stdout, stderr) = SitegenProcess.Run(site.Root, "check", "--strict", "--today", "2026-12-01");
        Assert.Equal(1, code);
        Assert.Contains("sitegen: checked 5 pages: 1 error, 0 warnings", stdout + stderr);
        var serve = SitegenProcess.Run(site.Root, "serve", "--theme", "no-such-theme", "--port", "0");
        Assert.Equal(2, serve.Code);
        Assert.Contains("theme folder 'no-such-theme' does not exist", serve.Err);
    }
}
