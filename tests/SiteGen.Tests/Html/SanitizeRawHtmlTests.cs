using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Html;

/// <summary>Hostile Markdown through a whole build: nothing it contains may run in the published page.</summary>
public class SanitizeRawHtmlTests
{
    private const string Hostile = """
        ---
        title: Hostile
        ---
        Intro <span onclick="steal()">text</span>.

        <script>alert('block')</script>

        <details>
        <summary>More</summary>

        Markdown inside **details** still works.

        </details>

        [click](javascript:alert(1)) and ![pic](data:image/png;base64,AAAA)

        <iframe src="https://evil.example"></iframe>
        """;

    [Fact]
    public void Scripts_handlers_and_unsafe_urls_are_removed_with_a_warning_at_their_line()
    {
        using var site = TempSite.WithPages(("index.md", Hostile));
        var result = site.Build();
        Assert.Equal(0, result.ExitCode);
        var warnings = result.Diagnostics.Select(d => (d.Line, d.Message)).ToList();
        Assert.Contains(warnings, w => w.Line == 4 && w.Message.StartsWith("removed the onclick attribute of <span>"));
        Assert.Contains(warnings, w => w.Line == 6 && w.Message.StartsWith("removed <script>"));
        Assert.Contains(warnings, w => w.Line == 15 && w.Message.StartsWith("removed the javascript: URL of this link"));
        Assert.Contains(warnings, w => w.Line == 15 && w.Message.StartsWith("removed the data: URL of this image"));
        Assert.Contains(warnings, w => w.Line == 17 && w.Message.StartsWith("removed <iframe>"));

        var page = Dom.Parse(site.ReadOutput("index.html"));
        var body = page.QuerySelector(".page-body")!;
        Assert.Empty(body.QuerySelectorAll("script, iframe"));
        Assert.DoesNotContain(body.QuerySelectorAll("*"), e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
        Assert.DoesNotContain("javascript:", body.InnerHtml);
        Assert.DoesNotContain("data:", body.InnerHtml);
        Assert.Equal("More", body.QuerySelector("details > summary")!.TextContent);
        Assert.Equal("details", body.QuerySelector("details strong")!.TextContent);
        // The theme's own scripts are files, and the only ones on the page (JSON-LD is data, not script).
        Assert.All(page.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.True(s.HasAttribute("src")));
    }

    [Fact]
    public void Under_strict_the_same_page_fails_the_build()
    {
        using var site = TempSite.WithPages(("index.md", Hostile));
        var result = SiteGen.Build.SiteBuilder.Build(new SiteGen.Build.BuildOptions(site.Input, site.Output, site.Theme, Strict: true), Log.Silent);
        Assert.Equal(1, result.ExitCode);
        Assert.All(result.Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void The_callout_partial_is_sanitized_too()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"));
        site.Write("_partials/limitations.md", "Limited evidence.<img src=\"https://example.org/x.png\" onerror=alert(1) alt=\"\">\n");
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("limitations.md") && d.Message.Contains("onerror"));
        Assert.DoesNotContain("onerror", site.ReadOutput("index.html"));
    }
}
