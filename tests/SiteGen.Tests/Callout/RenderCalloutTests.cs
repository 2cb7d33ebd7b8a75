using SiteGen.Tests.Support;

namespace SiteGen.Tests.Callout;

public class RenderCalloutTests
{
    [Fact]
    public void Every_page_gets_the_partial_and_its_own_points()
    {
        using var site = TempSite.WithPages(
            ("index.md", "---\ntitle: Home\nlimitations:\n  - Only **one** small trial.\n---\nHello\n"));
        site.Write("_partials/limitations.md", "---\ntitle: What the evidence cannot tell you\n---\nShared caveat. See [methods](../about.md).\n");
        site.Write("about.md", "---\ntitle: About\n---\nMethods\n");
        var result = site.Build();
        Assert.Equal(0, result.ExitCode);

        var home = Dom.Parse(site.ReadOutput("index.html"));
        var callout = Assert.Single(home.QuerySelectorAll("aside.evidence-limitations[role=note]"));
        Assert.Equal("What the evidence cannot tell you", callout.QuerySelector("h2")!.TextContent);
        Assert.Contains("Shared caveat", callout.TextContent);
        Assert.Equal("about.html", callout.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Only one small trial.", callout.QuerySelector(".page-limitations li")!.TextContent);
    }

    [Fact]
    public void Links_in_the_partial_work_from_pages_in_folders()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"), ("deep/page.md", "---\ntitle: Deep\n---\nx\n"));
        site.Write("_partials/limitations.md", "See [home](../index.md).\n");
        Assert.Equal(0, site.Build().ExitCode);
        var deep = Dom.Parse(site.ReadOutput("deep/page.html"));
        Assert.Equal("../index.html", deep.QuerySelector("aside.evidence-limitations a")!.GetAttribute("href"));
    }

    [Fact]
    public void A_missing_partial_fails_the_build()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"));
        File.Delete(Path.Combine(site.Input, "_partials", "limitations.md"));
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("evidence-limitations partial is missing"));
    }

    [Fact]
    public void An_empty_partial_fails_the_build()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"));
        site.Write("_partials/limitations.md", "---\ntitle: Caveats\n---\n\n  \n");
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("partial is empty"));
    }
}
