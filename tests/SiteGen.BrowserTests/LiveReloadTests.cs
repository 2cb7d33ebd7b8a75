using Microsoft.Playwright;
using SiteGen.Build;
using SiteGen.BrowserTests.Support;
using SiteGen.Engine;
using SiteGen.Serve;

namespace SiteGen.BrowserTests;

/// <summary>`sitegen serve` in a real browser: an edit reloads the page, a mistake shows the error overlay.</summary>
[Collection(nameof(BrowserCollection))]
public class LiveReloadTests(BrowserFixture site)
{
    [BrowserFact]
    public async Task Edits_reload_the_open_page_and_mistakes_show_an_overlay_under_the_strict_csp()
    {
        var root = Path.Combine(Path.GetTempPath(), "sitegen-serve", Guid.NewGuid().ToString("N"));
        CopyFolder(Path.Combine(BrowserFixture.RepoRoot, "input"), Path.Combine(root, "input"));
        CopyFolder(Path.Combine(BrowserFixture.RepoRoot, "theme"), Path.Combine(root, "theme"));
        var page = Path.Combine(root, "input", "05-about.md");
        await using var server = new DevServer(new BuildOptions(Path.Combine(root, "input"), Path.Combine(root, "output"), Path.Combine(root, "theme")),
            "127.0.0.1", 0, Log.Silent, TimeSpan.FromMilliseconds(100));
        await server.StartAsync();

        var context = await site.Browser.NewContextAsync();
        var tab = await context.NewPageAsync();
        var errors = new List<string>();
        tab.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        await tab.GotoAsync(server.Address + "about.html");
        await tab.WaitForLoadStateAsync(LoadState.NetworkIdle);

        File.WriteAllText(page, File.ReadAllText(page).Replace("## How the evidence was found", "## How we chose the evidence"));
        await Assertions.Expect(tab.Locator("h2#how-we-chose-the-evidence")).ToBeVisibleAsync(new() { Timeout = 20_000 });

        File.AppendAllText(page, "\nSee [a missing page](nowhere.md).\n");
        var overlay = tab.Locator("#sitegen-errors[role=alert]");
        await Assertions.Expect(overlay).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(overlay).ToContainTextAsync("page 'nowhere.md' not found");
        await Assertions.Expect(tab.Locator("h2#how-we-chose-the-evidence")).ToBeVisibleAsync(); // the last good version stays
        Assert.Empty(errors);
        try { Directory.Delete(root, recursive: true); } catch (IOException) { }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
