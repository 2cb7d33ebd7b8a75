using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Governance;

/// <summary>'redirect_from' and site.yml 'redirects': a page at each old path, a _redirects file, and errors for redirects that cannot work.</summary>
public class RedirectTests
{
    [Fact]
    public void A_moved_page_leaves_a_relative_redirect_page_at_each_old_path_and_a_host_redirect_file()
    {
        using var site = TempSite.WithPages(
            ("index.md", "---\ntitle: Home\n---\nText.\n"),
            ("evidence/trial.md", "---\ntitle: The trial\nredirect_from:\n  - pilot-trial.html\n  - old/evidence/\n  - /studies/ketamine\n---\nText.\n"));
        site.Write("site.yml", "title: Test site\nlanguage: en\nbase_url: https://example.org/kbpd/\nredirects:\n  about-us.html: index.md\n  guide.html: https://example.com/guide\n");
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);

        var old = Dom.Parse(result.Documents.Single(d => d.OutputPath == "old/evidence/index.html").Content);
        Assert.Equal("0; url=../../evidence/trial.html", old.QuerySelector("meta[http-equiv='refresh']")!.GetAttribute("content"));
        Assert.Equal("https://example.org/kbpd/evidence/trial.html", old.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        Assert.Equal("../../evidence/trial.html", old.QuerySelector("body a")!.GetAttribute("href"));
        Assert.Equal("The trial", old.QuerySelector("body a")!.TextContent);
        Assert.NotNull(old.QuerySelector("meta[name='robots'][content='noindex']"));
        Assert.Contains(result.Documents, d => d.OutputPath == "pilot-trial.html");
        Assert.Contains(result.Documents, d => d.OutputPath == "studies/ketamine.html");
        Assert.Equal("0; url=index.html", Dom.Parse(result.Documents.Single(d => d.OutputPath == "about-us.html").Content)
            .QuerySelector("meta[http-equiv='refresh']")!.GetAttribute("content"));

        var hosts = result.Documents.Single(d => d.OutputPath == "_redirects").Content;
        Assert.Contains("/kbpd/pilot-trial.html /kbpd/evidence/trial.html 301\n", hosts);
        Assert.Contains("/kbpd/pilot-trial /kbpd/evidence/trial.html 301\n", hosts);
        Assert.Contains("/kbpd/old/evidence/ /kbpd/evidence/trial.html 301\n", hosts);
        Assert.Contains("/kbpd/guide.html https://example.com/guide 301\n", hosts);
        // Redirect pages are not pages of the site: not in the sitemap, the search index or the navigation.
        Assert.DoesNotContain("pilot-trial", result.Documents.Single(d => d.OutputPath == "sitemap.xml").Content);
    }

    [Theory]
    [InlineData("redirect_from: index.html", "would replace index.md")]
    [InlineData("redirect_from: ../outside.html", "is not a path of this site")]
    [InlineData("redirect_from: https://example.org/x.html", "is not a path of this site")]
    [InlineData("redirect_from: old.html?x=1", "is not a path of this site")]
    public void A_redirect_that_escapes_the_site_or_replaces_a_page_is_an_error_at_its_line(string field, string message)
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"), ("page.md", $"---\ntitle: Page\n{field}\n---\nText.\n"));
        var result = site.Build(write: false);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.EndsWith("page.md", error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("redirects:\n  a.html: b.html\n  b.html: a.html\n", "the redirects loop: a.html → b.html → a.html")]
    [InlineData("redirects:\n  a.html: gone.md\n", "leads to 'gone.md', which is not a page of the site")]
    [InlineData("redirects:\n  a.html: index.md\n  /a.html: page.md\n", "'a.html' already redirects to 'index.html'")]
    public void A_redirect_to_nothing_a_loop_or_two_from_one_path_is_an_error_in_site_yml(string redirects, string message)
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"), ("page.md", "---\ntitle: Page\n---\nText.\n"));
        site.Write("site.yml", "title: Test site\nlanguage: en\n" + redirects);
        var result = site.Build(write: false);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.EndsWith("site.yml", error.File);
        Assert.True(error.Line >= 4);
    }

    [Fact]
    public void A_chain_of_redirects_leads_each_old_path_straight_to_the_page()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"), ("now.md", "---\ntitle: Now\nredirect_from: middle.html\n---\nText.\n"));
        site.Write("site.yml", "title: Test site\nlanguage: en\nredirects:\n  first.html: middle.html\n");
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0; url=now.html", Dom.Parse(result.Documents.Single(d => d.OutputPath == "first.html").Content)
            .QuerySelector("meta[http-equiv='refresh']")!.GetAttribute("content"));
    }
}
