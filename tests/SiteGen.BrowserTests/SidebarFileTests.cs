using Microsoft.Playwright;
using SiteGen.Build;
using SiteGen.BrowserTests.Support;
using SiteGen.Engine;

namespace SiteGen.BrowserTests;

/// <summary>
/// A long sidebar served once per section (assets/nav/): in a real browser, from disk and over
/// HTTP under a subpath, the reader sees every entry with this page marked; without script, the
/// top level and the way down to this page.
/// </summary>
[Collection(nameof(PagesCollection))]
public class SidebarFileTests(BrowserFixture site)
{
    [BrowserFact]
    public async Task A_shared_sidebar_fills_in_every_entry_from_file_and_over_http_and_without_script_shows_the_way_down()
    {
        var root = Path.Combine(Path.GetTempPath(), "sitegen-sidebar", Guid.NewGuid().ToString("N"));
        var input = Path.Combine(root, "input");
        Directory.CreateDirectory(Path.Combine(input, "_partials"));
        Directory.CreateDirectory(Path.Combine(input, "guide"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Sidebar\nlanguage: en\n");
        File.WriteAllText(Path.Combine(input, "_partials", "limitations.md"), "The evidence is limited.\n");
        File.WriteAllText(Path.Combine(input, "index.md"), "---\ntitle: Home\n---\nWelcome.\n");
        File.WriteAllText(Path.Combine(input, "guide", "index.md"), "---\ntitle: Guide\n---\nAll about it.\n");
        for (var i = 1; i <= 80; i++)
            File.WriteAllText(Path.Combine(input, "guide", $"step-{i:000}.md"), $"---\ntitle: Step {i}\n---\nText {i}.\n");
        var output = Path.Combine(root, "output");
        var build = SiteBuilder.Build(new BuildOptions(input, output, Path.Combine(BrowserFixture.RepoRoot, "theme")), Log.Silent);
        Assert.True(build.ExitCode == 0, string.Join("\n", build.Diagnostics));
        using var server = new StaticServer(output);
        try
        {
            var context = await site.Browser.NewContextAsync();
            foreach (var address in new[] { new Uri(Path.Combine(output, "guide", "step-040.html")).AbsoluteUri, server.BaseUrl + "guide/step-040.html" })
            {
                var tab = await context.NewPageAsync();
                var errors = new List<string>();
                tab.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
                await tab.GotoAsync(address);
                var links = tab.Locator("nav#site-nav li li > a");
                await Assertions.Expect(links).ToHaveCountAsync(80);
                var current = tab.Locator("nav#site-nav a[aria-current=page]");
                await Assertions.Expect(current).ToHaveCountAsync(1);
                Assert.Equal("Step 40", await current.TextContentAsync());
                // A link from the filled-in list leads to its page.
                await tab.Locator("nav#site-nav a", new() { HasText = "Step 41" }).ClickAsync();
                await Assertions.Expect(tab.Locator("main h1")).ToHaveTextAsync("Step 41");
                await Assertions.Expect(tab.Locator("nav#site-nav a[aria-current=page]")).ToHaveTextAsync("Step 41");
                Assert.Empty(errors); // the strict CSP allows the file, and nothing else went wrong
                await tab.CloseAsync();
            }
            await context.CloseAsync();

            var plain = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
            var page = await plain.NewPageAsync();
            await page.GotoAsync(server.BaseUrl + "guide/step-040.html");
            Assert.Equal(["Home", "Guide", "Step 40"], await page.Locator("nav#site-nav a").AllTextContentsAsync());
            await plain.CloseAsync();
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
