using Microsoft.Playwright;
using SiteGen.BrowserTests.Support;

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
        using var built = new SmallSite("Sidebar", [
            ("index.md", "---\ntitle: Home\n---\nWelcome.\n"), ("guide/index.md", "---\ntitle: Guide\n---\nAll about it.\n"),
            .. Enumerable.Range(1, 80).Select(i => ($"guide/step-{i:000}.md", $"---\ntitle: Step {i}\n---\nText {i}.\n"))]);
        using var server = new StaticServer(built.Output);
        var context = await site.Browser.NewContextAsync();
        foreach (var address in new[] { built.FileUrl("guide/step-040.html"), server.BaseUrl + "guide/step-040.html" })
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
}
