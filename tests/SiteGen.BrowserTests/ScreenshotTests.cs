using Microsoft.Playwright;
using SiteGen.BrowserTests.Support;

namespace SiteGen.BrowserTests;

/// <summary>Saves screenshots for people to review, in TestResults/screenshots/ at the repository root.</summary>
[Collection(nameof(BrowserCollection))]
public class ScreenshotTests(BrowserFixture site)
{
    [BrowserFact]
    public async Task Saves_a_screenshot_of_each_page_type_on_desktop_and_phone_in_light_and_dark()
    {
        var folder = Path.Combine(BrowserFixture.RepoRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        var pages = new (string Name, string Path)[]
        {
            ("home", "index.html"), ("section", "evidence/index.html"), ("evidence", "evidence/pilot-trial.html"), ("search", "search.html?q=ketamine"),
            ("references", "references.html"), ("evidence-table", "evidence-table.html"), ("glossary", "glossary.html"), ("whats-new", "whats-new.html"),
            ("not-found", "evidence/no-such-page.html"),
        };
        var devices = new (string Name, int Width, int Height, bool Mobile)[] { ("desktop", 1280, 900, false), ("phone", 390, 844, true) };
        var saved = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            foreach (var device in devices)
            {
                var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ColorScheme = scheme, ViewportSize = new() { Width = device.Width, Height = device.Height }, IsMobile = device.Mobile,
                });
                foreach (var (name, path) in pages)
                {
                    var page = await context.NewPageAsync();
                    await page.GotoAsync(site.Url(path, Host.Http));
                    if (name == "search") await page.Locator("ol.search-results").WaitForAsync();
                    var file = Path.Combine(folder, $"{name}-{device.Name}-{scheme.ToString().ToLowerInvariant()}.png");
                    await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = false });
                    saved.Add(file);
                    await page.CloseAsync();
                }
            }
        Assert.Equal(pages.Length * devices.Length * 2, saved.Count(File.Exists));
        // A blank or failed render compresses to a few hundred bytes; a real page is tens of kilobytes.
        Assert.All(saved, file => Assert.True(new FileInfo(file).Length > 8 * 1024, $"{file} looks blank"));
    }
}
