using Microsoft.Playwright;
using SiteGen.BrowserTests.Support;

namespace SiteGen.BrowserTests;

/// <summary>Reading on a phone first, and the navigation of the best documentation themes: first screen, popovers, toggle, permalinks, scroll-spy.</summary>
[Collection(nameof(PagesCollection))]
public class ReaderExperienceTests(BrowserFixture site)
{
    private async Task<IPage> OpenAsync(string path, int width, int height, Host host = Host.Http, bool javaScript = true, bool touch = false)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new() { Width = width, Height = height }, IsMobile = touch, HasTouch = touch, JavaScriptEnabled = javaScript,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url(path, host));
        return page;
    }

    [BrowserTheory]
    [InlineData(320, 640)]
    [InlineData(390, 844)]
    [InlineData(768, 1024)]
    public async Task The_first_screen_of_every_page_shows_its_title_and_the_start_of_its_text(int width, int height)
    {
        var page = await OpenAsync("index.html", width, height, touch: width < 768);
        var problems = new List<string>();
        foreach (var path in site.PagesFor(Host.Http))
        {
            await page.GotoAsync(site.Url(path, Host.Http));
            var measured = await page.EvaluateAsync<double[]>("""
                () => {
                  const title = document.querySelector("main h1").getBoundingClientRect();
                  const first = [...document.querySelectorAll(".page-body p, .page-body li, .page-body dd, .page-body td")]
                    .find(e => e.textContent.trim().length > 0);
                  const body = document.querySelector(".evidence-limitations .callout-body");
                  // Compact, never cut: the whole callout is in the page, for screen readers and print.
                  const complete = !!body && !body.closest("[hidden], [aria-hidden='true']") && body.innerText.includes("December 2026");
                  return [title.bottom, first ? first.getBoundingClientRect().top : 1e9, innerHeight, complete ? 1 : 0];
                }
                """);
            var (titleBottom, textTop, viewport, calloutComplete) = (measured[0], measured[1], measured[2], measured[3] == 1);
            if (titleBottom > viewport) problems.Add($"{path}: the title ends at {titleBottom:0}, below the first screen ({viewport})");
            if (textTop + 24 > viewport) problems.Add($"{path}: the text starts at {textTop:0}, below the first screen ({viewport})");
            if (!calloutComplete) problems.Add($"{path}: the callout is not all in the page");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task On_a_phone_on_this_page_is_reachable_from_the_top_and_the_callout_opens_in_full()
    {
        var page = await OpenAsync("evidence/pilot-trial.html", 390, 844, touch: true);
        var jump = page.Locator(".toc-jump");
        Assert.True(await jump.IsVisibleAsync());
        await jump.TapAsync();
        await page.WaitForFunctionAsync("() => { const t = document.getElementById('toc-title').getBoundingClientRect(); return t.top >= 0 && t.bottom <= innerHeight; }");
        var toggle = page.Locator(".callout-toggle");
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
        var compact = await page.EvaluateAsync<double>("() => document.querySelector('.callout-body').getBoundingClientRect().height");
        await toggle.TapAsync();
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.True(await page.EvaluateAsync<double>("() => document.querySelector('.callout-body').getBoundingClientRect().height") > compact + 40);
        // Printed, the callout is whole.
        await toggle.TapAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.callout-body')).maxHeight"));
    }

    [BrowserTheory]
    [InlineData(320)]
    [InlineData(390)]
    [InlineData(1024)]
    [InlineData(1280)]
    public async Task Every_citation_preview_and_glossary_definition_fits_the_window_and_the_page_never_scrolls_sideways(int width)
    {
        var page = await OpenAsync("index.html", width, 800, touch: width < 768);
        var problems = new List<string>();
        var opened = 0;
        foreach (var path in site.PagesFor(Host.Http))
        {
            await page.GotoAsync(site.Url(path, Host.Http));
            var found = await page.EvaluateAsync<string[]>("""
                () => {
                  const problems = [];
                  for (const link of document.querySelectorAll(".citation-link, .glossary-term")) {
                    link.focus();
                    const tip = link.closest(".citation-item, .glossary-item").querySelector(".citation-preview, .glossary-tip");
                    const box = tip.getBoundingClientRect();
                    const width = document.documentElement.clientWidth;
                    if (box.width === 0) problems.push("closed: " + link.textContent);
                    else if (box.left < 0 || box.right > width) problems.push(`${link.textContent}: ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
                    if (document.documentElement.scrollWidth > innerWidth) problems.push(`${link.textContent}: the page scrolls sideways`);
                    link.blur();
                  }
                  problems.push("count:" + document.querySelectorAll(".citation-link, .glossary-term").length);
                  return problems;
                }
                """);
            opened += int.Parse(found[^1]["count:".Length..]);
            problems.AddRange(found[..^1].Select(p => $"{path} at {width}px: {p}"));
        }
        Assert.True(opened > 100, $"only {opened} popovers were opened");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [BrowserFact]
    public async Task A_tap_opens_a_citation_preview_a_second_tap_follows_it_and_Escape_closes_it()
    {
        var page = await OpenAsync("evidence/pilot-trial.html", 390, 844, touch: true);
        var item = page.Locator(".citation-item").First;
        var preview = item.Locator(".citation-preview");
        await item.Locator(".citation-link").TapAsync();
        Assert.True(await preview.IsVisibleAsync());
        Assert.DoesNotContain("#ref-", page.Url);
        await page.Keyboard.PressAsync("Escape");
        Assert.False(await preview.IsVisibleAsync());
        await item.Locator(".citation-link").TapAsync();
        await item.Locator(".citation-link").TapAsync();
        await page.WaitForURLAsync("**#ref-fineberg2023");

        // On a desktop, keyboard focus opens it and Escape closes it.
        var desktop = await OpenAsync("evidence/pilot-trial.html", 1280, 900);
        var link = desktop.Locator(".citation-link").First;
        await link.FocusAsync();
        Assert.True(await desktop.Locator(".citation-preview").First.IsVisibleAsync());
        await desktop.Keyboard.PressAsync("Escape");
        Assert.False(await desktop.Locator(".citation-preview").First.IsVisibleAsync());
    }

    [BrowserTheory]
    [InlineData(Host.Http)]
    [InlineData(Host.File)]
    public async Task The_colour_scheme_chosen_is_kept_from_page_to_page_and_set_before_the_page_is_drawn(Host host)
    {
        var page = await OpenAsync("index.html", 1280, 900, host);
        var toggle = page.Locator(".theme-toggle");
        Assert.Equal("Colour scheme: Automatic", await toggle.GetAttributeAsync("aria-label"));
        await toggle.ClickAsync();
        await toggle.ClickAsync();
        Assert.Equal("Colour scheme: Dark", await toggle.GetAttributeAsync("aria-label"));
        Assert.Equal("rgb(18, 22, 25)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        // The next page reads the choice in a blocking script in <head>, before any style applies: no flash of light.
        await page.AddInitScriptAsync("document.addEventListener('readystatechange', () => { if (!window.firstTheme) window.firstTheme = document.documentElement.getAttribute('data-theme') || 'none'; });");
        await page.GotoAsync(site.Url("evidence/pilot-trial.html", host));
        Assert.Equal("dark", await page.EvaluateAsync<string>("() => window.firstTheme"));
        Assert.True(await page.EvaluateAsync<bool>("""
            () => { const init = document.querySelector("head script[src$='theme-init.js']");
                    const sheet = document.querySelector("head link[rel='stylesheet']");
                    return !!init && !init.defer && !init.async && (init.compareDocumentPosition(sheet) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0; }
            """));
        await page.Locator(".theme-toggle").ClickAsync(); // back to automatic
        Assert.Null(await page.EvaluateAsync<string?>("() => document.documentElement.getAttribute('data-theme')"));
        // Without script there is no toggle to press: the system's choice applies.
        var still = await OpenAsync("index.html", 1280, 900, host, javaScript: false);
        Assert.False(await still.Locator(".theme-toggle").IsVisibleAsync());
    }

    [BrowserTheory]
    [InlineData(Host.Http)]
    [InlineData(Host.File)]
    public async Task Headings_link_to_themselves_the_header_and_navigation_stay_in_view_and_the_contents_follow_the_reading(Host host)
    {
        var page = await OpenAsync("evidence/pilot-trial.html", 1280, 900, host);
        var results = page.Locator("h2#results");
        Assert.Equal("#results", await results.Locator(".heading-link").GetAttributeAsync("href"));
        Assert.Equal("Link to this section: Results", await results.Locator(".heading-link").GetAttributeAsync("aria-label"));
        await results.Locator(".heading-link").FocusAsync();
        Assert.Equal("1", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).opacity"));
        await results.Locator(".heading-link").ClickAsync();
        Assert.EndsWith("#results", page.Url);
        await page.WaitForFunctionAsync("() => document.querySelector(\".toc a[href='#results']\").getAttribute('aria-current') === 'location'");
        Assert.Equal(1, await page.Locator(".toc a[aria-current='location']").CountAsync());
        // Scrolled down, the header (with search), the navigation and the contents are still on screen.
        var tops = await page.EvaluateAsync<double[]>(
            "() => [document.querySelector('.site-header').getBoundingClientRect().top, document.querySelector('.sidebar').getBoundingClientRect().top, document.querySelector('.toc').getBoundingClientRect().top]");
        var (header, sidebar, toc) = (tops[0], tops[1], tops[2]);
        Assert.Equal(0, header);
        Assert.InRange(sidebar, 0, 200);
        Assert.InRange(toc, 0, 200);
        Assert.True(await page.Locator("#search-input").IsVisibleAsync());
        // Back to top, with or without script.
        await page.Locator(".back-to-top a").ClickAsync();
        await page.WaitForFunctionAsync("() => scrollY === 0");
        var plain = await OpenAsync("evidence/pilot-trial.html", 1280, 900, host, javaScript: false);
        Assert.Equal("#top", await plain.Locator(".back-to-top a").GetAttributeAsync("href"));
        Assert.Equal(1, await plain.Locator("#top").CountAsync());
        Assert.True(await plain.Locator("h2#results .heading-link").CountAsync() == 1);
    }

    [BrowserFact]
    public async Task The_404_page_is_whole_at_a_missing_address_at_any_depth()
    {
        var context = await site.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(site.Server.BaseUrl + "evidence/no/such/page.html");
        Assert.Equal(404, response!.Status);
        Assert.Equal("sticky", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.site-header')).position"));
        var link = await page.EvaluateAsync<string>("() => document.querySelector('.page-list a').href");
        Assert.StartsWith(site.Server.BaseUrl, link);
        var target = await context.APIRequest.GetAsync(link);
        Assert.Equal(200, target.Status);
    }

    [BrowserFact]
    public async Task The_new_controls_work_from_the_keyboard_alone()
    {
        var page = await OpenAsync("evidence/pilot-trial.html", 390, 844);
        // Tab from the top: the skip link, the title, the search box, then the colour-scheme toggle.
        string? focused = null;
        for (var i = 0; i < 6 && focused != "theme-toggle"; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            focused = await page.EvaluateAsync<string?>("() => document.activeElement.className || null");
        }
        Assert.Equal("theme-toggle", focused);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("light", await page.EvaluateAsync<string?>("() => document.documentElement.getAttribute('data-theme')"));
        await page.Locator(".callout-toggle").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await page.Locator(".callout-toggle").GetAttributeAsync("aria-expanded"));
        await page.Locator("h2#results .heading-link").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        // The browser reports the fragment's navigation a moment after the key (later on a busy machine).
        await page.WaitForURLAsync("**#results", new() { Timeout = 5_000 });
        Assert.EndsWith("#results", page.Url);
    }

    [BrowserFact]
    public async Task The_evidence_table_on_a_phone_says_it_scrolls_groups_by_design_and_keeps_its_header_in_view()
    {
        var page = await OpenAsync("evidence-table.html", 390, 844, touch: true);
        Assert.True(await page.Locator(".table-scroll-hint").First.IsVisibleAsync());
        Assert.True(await page.Locator(".evidence-table tbody .design-group th[scope='rowgroup']").CountAsync() >= 2);
        var box = page.Locator(".evidence-scroll").First;
        Assert.True(await box.EvaluateAsync<bool>("b => b.scrollWidth > b.clientWidth")); // it does scroll sideways, inside its box
        var (before, after) = (await box.EvaluateAsync<double>("b => b.querySelector('thead th').getBoundingClientRect().top - b.getBoundingClientRect().top"),
            await box.EvaluateAsync<double>("b => { b.scrollTop = 300; return b.querySelector('thead th').getBoundingClientRect().top - b.getBoundingClientRect().top; }"));
        Assert.InRange(after - before, -2, 2); // the header row stays at the top of the box as its rows scroll
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - innerWidth"));
    }
}
