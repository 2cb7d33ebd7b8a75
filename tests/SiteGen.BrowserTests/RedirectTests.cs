using Microsoft.Playwright;
using SiteGen.Build;
using SiteGen.BrowserTests.Support;
using SiteGen.Engine;

namespace SiteGen.BrowserTests;

/// <summary>A renamed page's old address lands on the new one in a real browser, from disk and over HTTP under a subpath.</summary>
[Collection(nameof(PagesCollection))]
public class RedirectTests(BrowserFixture site)
{
    [BrowserFact]
    public async Task A_renamed_pages_old_address_lands_on_the_new_page_from_file_and_over_http()
    {
        var root = Path.Combine(Path.GetTempPath(), "sitegen-redirect", Guid.NewGuid().ToString("N"));
        var input = Path.Combine(root, "input");
        Directory.CreateDirectory(Path.Combine(input, "_partials"));
        Directory.CreateDirectory(Path.Combine(input, "guide"));
        File.WriteAllText(Path.Combine(input, "site.yml"), "title: Redirects\nlanguage: en\n");
        File.WriteAllText(Path.Combine(input, "_partials", "limitations.md"), "The evidence is limited.\n");
        File.WriteAllText(Path.Combine(input, "index.md"), "---\ntitle: Home\n---\nSee [the dosing page](guide/dosing.md).\n");
        // The page was 'dosing-guide.html' at the root; it now lives at guide/dosing.html.
        File.WriteAllText(Path.Combine(input, "guide", "dosing.md"), "---\ntitle: Dosing\nredirect_from:\n  - dosing-guide.html\n  - old/guide/\n---\nThe new place.\n");
        var output = Path.Combine(root, "output");
        var build = SiteBuilder.Build(new BuildOptions(input, output, Path.Combine(BrowserFixture.RepoRoot, "theme")), Log.Silent);
        Assert.True(build.ExitCode == 0, string.Join("\n", build.Diagnostics));
        using var server = new StaticServer(output);
        try
        {
            var context = await site.Browser.NewContextAsync();
            foreach (var (old, landing) in new[]
            {
                (new Uri(Path.Combine(output, "dosing-guide.html")).AbsoluteUri, new Uri(Path.Combine(output, "guide", "dosing.html")).AbsoluteUri),
                (new Uri(Path.Combine(output, "old", "guide", "index.html")).AbsoluteUri, new Uri(Path.Combine(output, "guide", "dosing.html")).AbsoluteUri),
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
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }
}
