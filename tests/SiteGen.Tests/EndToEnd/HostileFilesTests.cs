using System.Diagnostics;
using System.Security.Cryptography;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>Broken and extreme files from the issue's list: each gets a clear message, never a crash.</summary>
public class HostileFilesTests
{
    [Fact]
    public void An_empty_file_is_an_error_that_asks_for_a_title()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"), ("empty.md", ""));
        var error = Assert.Single(site.Build().Diagnostics);
        Assert.Equal("the page has no title; add 'title:' to its front matter.", error.Message);
    }

    [Theory]
    [InlineData("> ")]
    [InlineData("- ")]
    [InlineData("* ")]
    public void Nesting_ten_thousand_levels_deep_is_reported_not_crashed(string marker)
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\n" + string.Concat(Enumerable.Repeat(marker, 10_000)) + "deep\n"));
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("lists, quotes or emphasis are nested too deeply"));
    }

    [Fact]
    public void A_ten_megabyte_page_builds()
    {
        var paragraph = string.Concat(Enumerable.Repeat("Ketamine is an NMDA receptor antagonist studied in depression. ", 16)) + "\n\n";
        var body = new System.Text.StringBuilder("---\ntitle: Big\n---\n");
        while (body.Length < 10_000_000) body.Append("## Section ").Append(body.Length).Append("\n\n").Append(paragraph, 0, paragraph.Length).Append(paragraph);
        using var site = TempSite.WithPages(("index.md", body.ToString()));
        var result = site.Build();
        Assert.Equal(0, result.ExitCode);
        Assert.True(new FileInfo(Path.Combine(site.Output, "index.html")).Length > 10_000_000);
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_build_like_any_page()
    {
        using var site = TempSite.WithPages();
        File.WriteAllText(Path.Combine(site.Input, "index.md"), "\uFEFF---\r\ntitle: Home\r\nreviewed: 2026-01-01\r\n---\r\n## Intro\r\n\r\nText\r\n");
        var result = site.Build();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Home", Dom.Parse(site.ReadOutput("index.html")).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_reported_and_the_build_reports_everything_else_too()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\n[x](gone.md)\n"));
        File.WriteAllBytes(Path.Combine(site.Input, "latin1.md"), [.. "---\ntitle: Caf"u8, 0xE9, .. "\n---\n"u8]);
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("latin1.md") && d.Line == 2 && d.Message.Contains("not valid UTF-8"));
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("index.md") && d.Message.Contains("gone.md"));
    }

    [Fact]
    public void Names_with_spaces_and_unicode_work_end_to_end()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nSee [the study](<études/my study.md#results>).\n"),
                                            ("études/my study.md", "---\ntitle: Étude\n---\n## Results\n"));
        Assert.Equal(0, site.Build().ExitCode);
        Assert.Equal("%C3%A9tudes/my%20study.html#results", Dom.Parse(site.ReadOutput("index.html")).QuerySelector(".page-body a")!.GetAttribute("href"));
        Assert.True(File.Exists(Path.Combine(site.Output, "études", "my study.html")));
    }

    [Fact]
    public void A_symlink_out_of_the_input_folder_is_refused()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"));
        var secret = Path.Combine(site.Root, "secret.md");
        File.WriteAllText(secret, "---\ntitle: Secret\n---\npassword\n");
        File.CreateSymbolicLink(Path.Combine(site.Input, "leak.md"), secret);
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("leak.md") && d.Message.Contains("leads outside the input folder"));
        Assert.False(File.Exists(Path.Combine(site.Output, "leak.html")));
    }

    [Fact]
    public void Every_page_carries_the_csp_that_headers_sends()
    {
        using var site = TempSite.CopyOfRealSite();
        Assert.Equal(0, site.Build().ExitCode);
        var headers = site.ReadOutput("_headers");
        Assert.Contains("X-Content-Type-Options: nosniff", headers);
        Assert.Contains("Referrer-Policy: strict-origin-when-cross-origin", headers);
        foreach (var page in Directory.EnumerateFiles(site.Output, "*.html", SearchOption.AllDirectories))
        {
            var csp = Dom.Parse(File.ReadAllText(page)).QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
            Assert.Contains($"Content-Security-Policy: {csp}; frame-ancestors 'none'", headers);
            Assert.DoesNotContain("unsafe-inline", csp);
        }
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void Killing_the_build_midway_leaves_the_previous_output_intact()
    {
        using var site = TempSite.CopyOfRealSite();
        Assert.Equal(0, site.Build().ExitCode);
        var before = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        // Enough pages that writing takes a while, so the kill lands during the build.
        for (var i = 0; i < 3000; i++)
            site.Write($"bulk/page-{i:D4}.md", $"---\ntitle: Page {i}\n---\n## Part\n\n{string.Concat(Enumerable.Repeat("Some text about ketamine and evidence. ", 40))}\n");

        using var process = Process.Start(SitegenProcess.StartInfo(site.Root, "build"))!;
        var watch = Stopwatch.StartNew();
        while (!process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60) &&
               !Directory.EnumerateDirectories(site.Root, ".output.staging-*").Any())
            Thread.Sleep(5);
        Assert.False(process.HasExited, "the build finished before it could be killed; make the site bigger");
        process.Kill(entireProcessTree: true);
        process.WaitForExit();

        var after = Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories)
            .ToDictionary(f => f, f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
        Assert.Equal(before, after);
    }
}
