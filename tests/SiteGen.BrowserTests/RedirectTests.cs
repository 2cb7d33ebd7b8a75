using Microsoft.Playwright;
using SiteGen.BrowserTests.Support;

namespace SiteGen.BrowserTests;

/// <summary>A renamed page's old address lands on the new one in a real browser, from disk and over HTTP under a subpath.</summary>
[Collection(nameof(PagesCollection))]
public class RedirectTests(BrowserFixture site)
{
    [BrowserFact]
    public async Task A_renamed_pages_old_address_lands_on_the_new_page_from_file_and_over_http()
    {
        // The page was 'dosing-guide.html' at the root; it now lives at guide/dosing.html.
        using var built = new SmallSite("Redirects", [
            ("index.md", "---\ntitle: Home\n---\nSee [the dosing page](guide/dosing.md).\n"),
            ("guide/dosing.md", "---\ntitle: Dosing\nredirect_from:\n  - dosing-guide.html\n  - old/guide/\n---\nThe new place.\n")]);
        using var server = new StaticServer(built.Output);
        var context = await site.Browser.NewContextAsync();
        foreach (var (old, landing) in new[]
        {
            (built.FileUrl("dosing-guide.html"), built.FileUrl("guide/dosing.html")),
            (built.FileUrl("old/guide/index.html"), built.FileUrl("guide/dosing.html")),
            (server.BaseUrl + "dosing-guide.html", server.BaseUrl + "guide/dosing.html"),
            (server.BaseUrl + "old/guide/", server.BaseUrl + "guide/dosing.html"),
        })
        {
            // A fresh tab each time; the old page replaces itself as it loads, so wait for the landing, not the old page's load.
            var tab = await context.NewPageAsync();
            await tab.GotoAsync(old, new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
            for (var wait = 0; wait < 300 && tab.Url != landing; wait++) await Task.Delay(100); // at most 30 s
            Assert.Equal(landing, tab.Url);
            Assert.Equal("Dosing", await tab.Locator("main h1").TextContentAsync());
            await tab.CloseAsync();
        }
        await context.CloseAsync();
    }
}
