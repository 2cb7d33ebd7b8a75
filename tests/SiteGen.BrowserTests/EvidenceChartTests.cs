using Microsoft.Playwright;
using SiteGen.BrowserTests.Support;

namespace SiteGen.BrowserTests;

/// <summary>The evidence map and forest plot in Chromium: inside their box at any width, in both colour schemes, every mark a keyboard stop.</summary>
[Collection(nameof(PagesCollection))]
public class EvidenceChartTests(BrowserFixture site)
{
    [BrowserFact]
    public async Task The_charts_fit_a_phone_and_a_desktop_in_both_schemes_and_every_mark_is_a_keyboard_stop()
    {
        var folder = Path.Combine(BrowserFixture.RepoRoot, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
            foreach (var width in new[] { 390, 1280 })
            {
                var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new() { Width = width, Height = 900 } });
                var page = await context.NewPageAsync();
                foreach (var (name, path) in new[] { ("evidence-map", "evidence/index.html"), ("forest-plot", "understanding-bpd.html"), ("evidence-table-map", "evidence-table.html") })
                {
                    await page.GotoAsync(site.Url(path, Host.Http));
                    var chart = page.Locator("figure.evidence-chart").First;
                    await chart.ScrollIntoViewIfNeededAsync();
                    // The chart scrolls in its own box when it must; the page never does.
                    Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - innerWidth"));
                    Assert.True(await chart.EvaluateAsync<bool>("f => f.querySelector('.chart-scroll').getBoundingClientRect().right <= innerWidth + 0.5"));
                    // Marks are drawn in the theme's colours (not black on black in dark mode).
                    var fill = await chart.EvaluateAsync<string>("f => getComputedStyle(f.querySelector('.mark')).fill");
                    Assert.NotEqual("rgb(0, 0, 0)", fill);
                    await chart.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(folder, $"{name}-{width}-{scheme.ToString().ToLowerInvariant()}.png") });
                }
                await context.CloseAsync();
            }

        // Every mark of the map is a link the keyboard reaches, named for screen readers.
        var desktop = await site.Browser.NewContextAsync();
        var tab = await desktop.NewPageAsync();
        await tab.GotoAsync(site.Url("evidence/index.html", Host.Http));
        var marks = await tab.Locator("figure.evidence-map svg a").CountAsync();
        Assert.True(marks >= 4);
        await tab.Locator("figure.evidence-map").Locator("xpath=preceding::a[1]").FocusAsync();
        var names = new List<string>();
        for (var i = 0; i < marks; i++)
        {
            await tab.Keyboard.PressAsync("Tab");
            names.Add(await tab.EvaluateAsync<string>("() => document.activeElement.getAttribute('aria-label') || ''"));
        }
        Assert.All(names, n => Assert.Matches(@"\d{4}, ", n));
        Assert.Contains(names, n => n.StartsWith("Fineberg et al. 2023, pilot RCT, n = 22", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task The_data_table_is_folded_for_the_eye_but_always_there_for_screen_readers_and_print()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("evidence/index.html", Host.Http));
        var figure = page.Locator("figure.evidence-map");
        var button = figure.Locator(".chart-data-toggle");
        Assert.Equal("false", await button.GetAttributeAsync("aria-expanded"));
        Assert.True(await figure.EvaluateAsync<bool>("f => f.querySelector('.chart-data-box').getBoundingClientRect().height <= 1"));
        // Folded, the table is still in the accessibility tree.
        var tree = await page.Locator("figure.evidence-map .chart-data").AriaSnapshotAsync();
        Assert.Contains("Fineberg et al. 2023", tree);
        await button.ClickAsync();
        Assert.Equal("true", await button.GetAttributeAsync("aria-expanded"));
        Assert.True(await figure.EvaluateAsync<bool>("f => f.querySelector('.chart-data-box').getBoundingClientRect().height > 100"));
        await button.ClickAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.True(await figure.EvaluateAsync<bool>("f => f.querySelector('.chart-data-box').getBoundingClientRect().height > 100"));
        // Without script the table is simply shown, and there is no button.
        var plain = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var still = await plain.NewPageAsync();
        await still.GotoAsync(site.Url("evidence/index.html", Host.File));
        Assert.False(await still.Locator("figure.evidence-map .chart-data-toggle").IsVisibleAsync());
        Assert.True(await still.Locator("figure.evidence-map .chart-data").IsVisibleAsync());
    }
}
