using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using SiteGen.BrowserTests.Support;

namespace SiteGen.BrowserTests;

/// <summary>Every page of the built site, checked in Chromium as readers will meet it.</summary>
[Collection(nameof(PagesCollection))]
public class PageQualityTests(BrowserFixture site)
{
    [BrowserFact]
    public async Task Keyboard_alone_reaches_skip_link_search_navigation_toc_citations_and_footnotes_with_a_visible_focus_ring()
    {
        var page = await site.OpenAsync("evidence/pilot-trial.html", Host.Http);
        var reached = new List<string>();
        for (var i = 0; i < 120; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = await page.EvaluateAsync<string>("""
                () => {
                  const e = document.activeElement;
                  if (e === document.body) return 'left-the-page';
                  const style = getComputedStyle(e);
                  const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                  const kind = e.matches('.skip-link') ? 'skip' : e.id === 'search-input' ? 'search' : e.closest('#site-nav') ? 'nav'
                    : e.closest('.toc') ? 'toc' : e.matches('.citation-link') ? 'citation' : e.matches('.footnote-ref') ? 'footnote' : 'other';
                  return kind + (ring ? '' : ':no-ring');
                }
                """);
            reached.Add(focused);
        }
        Assert.Equal("skip", reached[0]);
        foreach (var kind in new[] { "search", "nav", "toc", "citation", "footnote" })
            Assert.Contains(kind, reached);
        Assert.DoesNotContain(reached, r => r.EndsWith(":no-ring", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task A_glossary_term_shows_its_definition_on_keyboard_focus_and_a_tap_opens_the_glossary()
    {
        var page = await site.OpenAsync("evidence/pilot-trial.html", Host.Http);
        var term = page.Locator("a.glossary-term").First;
        var tip = page.Locator("#" + await term.GetAttributeAsync("aria-describedby"));
        await Assertions.Expect(tip).ToBeHiddenAsync();
        await term.FocusAsync();
        await Assertions.Expect(tip).ToBeVisibleAsync();
        Assert.False(string.IsNullOrWhiteSpace(await tip.TextContentAsync()));
        // The definition is the link's accessible description, so a screen reader reads it out with the term.
        var description = await page.EvaluateAsync<string>("e => document.getElementById(e.getAttribute('aria-describedby')).textContent", await term.ElementHandleAsync());
        Assert.Equal(await tip.TextContentAsync(), description);
        await term.BlurAsync();
        await Assertions.Expect(tip).ToBeHiddenAsync();
        var href = await term.GetAttributeAsync("href");
        await term.ClickAsync();
        await page.WaitForURLAsync("**/glossary.html#term-*");
        Assert.EndsWith(href!.Split('#')[1], page.Url);
        await Assertions.Expect(page.Locator("h2#" + href.Split('#')[1])).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task The_skip_link_moves_focus_to_the_main_content()
    {
        var page = await site.OpenAsync("index.html", Host.Http);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main-content", await page.EvaluateAsync<string>("document.activeElement.id"));
    }

    [BrowserTheory]
    [InlineData(Host.Http)]
    [InlineData(Host.File)]
    public async Task No_page_scrolls_sideways_on_a_375_px_phone(Host host)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 375, Height = 812 }, IsMobile = true, HasTouch = true });
        // One tab goes from page to page, as a reader does: a new tab per page costs a new renderer process.
        var page = await context.NewPageAsync();
        foreach (var path in site.PagesFor(host))
        {
            await page.GotoAsync(site.Url(path, host));
            var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scroll, width) = (sizes[0], sizes[1]);
            Assert.True(scroll <= width, $"{path}: page is {scroll}px wide in a {width}px viewport");
        }
    }

    [BrowserFact]
    public async Task Printing_hides_the_navigation_but_keeps_the_callout()
    {
        var page = await site.OpenAsync("considerations.html", Host.Http);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        foreach (var hidden in new[] { ".sidebar", ".toc", ".pager", ".site-header" })
            Assert.Equal("none", await page.EvalOnSelectorAsync<string>(hidden, "e => getComputedStyle(e).display"));
        Assert.NotEqual("none", await page.EvalOnSelectorAsync<string>(".evidence-limitations", "e => getComputedStyle(e).display"));
    }

    [BrowserFact]
    public async Task Each_page_transfers_less_than_100_KB_of_html_css_and_js_and_nothing_leaves_the_site()
    {
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(site.Server.BaseUrl, StringComparison.Ordinal)) foreign.Add(request.Url);
        };
        foreach (var path in site.Pages)
        {
            foreign.Clear();
            await page.GotoAsync(site.Url(path, Host.Http));
            // The browser's own count of the bytes of the page, its stylesheets and its scripts.
            var bytes = await page.EvaluateAsync<long>("""
                () => performance.getEntriesByType('navigation')[0].encodedBodySize +
                      performance.getEntriesByType('resource').filter(r => /\.(css|js)(\?|$)/.test(r.name))
                        .reduce((sum, r) => sum + r.encodedBodySize, 0)
                """);
            Assert.True(bytes > 1024, $"{path}: the browser counted only {bytes} bytes");
            Assert.True(bytes < 100 * 1024, $"{path} transfers {bytes} bytes");
            Assert.True(foreign.Count == 0, $"{path} requested {string.Join(", ", foreign)}");
        }
    }

    [BrowserFact]
    public async Task A_search_from_disk_requests_only_files_of_the_site()
    {
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var foreign = new List<string>();
        page.Request += (_, request) => { if (!request.Url.StartsWith("file://", StringComparison.Ordinal)) foreign.Add(request.Url); };
        await page.GotoAsync(site.Url("search.html?q=ketamine dissociation", Host.File));
        await Assertions.Expect(page.Locator("ol.search-results li").First).ToBeVisibleAsync();
        Assert.Empty(foreign);
    }

    [BrowserTheory]
    [InlineData(Host.Http)]
    [InlineData(Host.File)]
    public async Task Every_page_carries_a_strict_csp_and_runs_without_violations_or_console_errors(Host host)
    {
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        foreach (var path in site.PagesFor(host).Append("search.html?q=midazolam").Append("considerations.html?highlight=dizziness"))
        {
            errors.Clear();
            await page.GotoAsync(site.Url(path, host));
            // Scripts are deferred, so 'load' has run them; the two pages that act on their address are waited for.
            if (path.Contains("?q=", StringComparison.Ordinal)) await page.Locator("ol.search-results li").First.WaitForAsync();
            if (path.Contains("?highlight=", StringComparison.Ordinal)) await page.Locator(".page-body mark").First.WaitForAsync();
            var csp = await page.GetAttributeAsync("meta[http-equiv='Content-Security-Policy']", "content");
            Assert.NotNull(csp);
            Assert.DoesNotContain("unsafe-inline", csp);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Contains("script-src 'self'", csp);
            Assert.True(errors.Count == 0, $"{path} ({host}): {string.Join("\n", errors)}");
        }
    }
}

/// <summary>axe-core at WCAG 2.1 AA on every page, in light mode and (below) in dark mode, each in its own collection so the two run side by side.</summary>
[Collection(nameof(AccessibilityCollection))]
public class AccessibilityLightTests(BrowserFixture site) : AxeTests(site, ColorScheme.Light);

[Collection(nameof(AccessibilityDarkCollection))]
public class AccessibilityDarkTests(BrowserFixture site) : AxeTests(site, ColorScheme.Dark);

public abstract class AxeTests(BrowserFixture site, ColorScheme scheme)
{
    private static readonly AxeRunOptions WcagAA = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations are read: details of every passing node are neither collected nor sent back.
        ResultTypes = [ResultType.Violations],
    };

    [BrowserFact]
    public async Task Every_page_has_no_axe_violations_at_wcag_21_aa_on_a_phone_and_a_desktop()
    {
        var problems = new List<string>();
        foreach (var width in new[] { 390, 1280 })
        {
            var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ColorScheme = scheme, ViewportSize = new() { Width = width, Height = 844 } });
            var page = await context.NewPageAsync();
            foreach (var path in site.Pages)
            {
                await page.GotoAsync(site.Url(path, Host.Http));
                var result = await page.RunAxe(WcagAA);
                foreach (var violation in result.Violations)
                    problems.Add($"{path} [{scheme}, {width}px]: {violation.Id} ({violation.Impact}): {violation.Help} at " +
                                 string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target?.ToString())));
            }
            await context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
