using System.Text.Json;
using Microsoft.Playwright;
using SiteGen.BrowserTests.Support;
using SiteGen.Search;

namespace SiteGen.BrowserTests;

/// <summary>Search in a real browser, over HTTP under /docs/ and from disk.</summary>
[Collection(nameof(SearchCollection))]
public class SearchTests(BrowserFixture site)
{
    public sealed record Result(string Url, string Anchor, string Heading, string Text);

    private static async Task<List<Result>> Query(IPage page, string query) =>
        JsonSerializer.Deserialize<List<Result>>(
            await page.EvaluateAsync<string>("q => SiteGenSearch.query(q, 10).then(o => JSON.stringify(o.results.map(r => ({Url: r.url, Anchor: r.anchor, Heading: r.heading, Text: r.text}))))", query))!;

    /// <summary>Known answers over the real content: the query, and the page#section that must come first.</summary>
    public static TheoryData<Host, string, string> KnownAnswers()
    {
        var answers = new (string Query, string Top)[]
        {
            ("NMDA", "ketamine-in-the-brain.html"),
            ("midazolam", "evidence/pilot-trial.html#key-points"),
            ("Spravato", "evidence/esketamine.html#key-points"),
            ("dialectical", "understanding-bpd.html#talking-therapy-comes-first"),
            ("dizziness", "considerations.html#side-effects"),
            ("dissociation", "considerations.html#why-this-matters-in-bpd"),
            ("Fineberg", "evidence/pilot-trial.html#references"),
            ("sublingual", "evidence/other-reports.html#ketamine-under-the-tongue-and-at-home"),
            ("emptiness", "understanding-bpd.html#main-features"),
            ("cost", "considerations.html#cost-and-access"),
            // Two words: on a site this small nothing is reranked by likeness to the best pages.
            ("side effects", "considerations.html#side-effects"),
            ("midazolam placebo", "evidence/pilot-trial.html#how-the-trial-worked"),
        };
        var data = new TheoryData<Host, string, string>();
        foreach (var host in new[] { Host.Http, Host.File })
            foreach (var (query, top) in answers) data.Add(host, query, top);
        return data;
    }

    [BrowserTheory]
    [MemberData(nameof(KnownAnswers))]
    public async Task Known_queries_put_the_expected_section_first(Host host, string query, string expected)
    {
        var page = await site.OpenAsync("index.html", host);
        var results = await Query(page, query);
        Assert.NotEmpty(results);
        var top = results[0].Url + (expected.Contains('#') ? "#" + results[0].Anchor : "");
        Assert.Equal(expected, top);
    }

    [BrowserTheory]
    [InlineData(Host.Http)]
    [InlineData(Host.File)]
    public async Task A_misspelling_still_finds_ketamine(Host host)
    {
        var page = await site.OpenAsync("index.html", host);
        var results = await Query(page, "ketamin");
        Assert.NotEmpty(results);
        Assert.All(results.Take(3), r => Assert.Contains("ketamine", (r.Heading + " " + r.Text).ToLowerInvariant()));
        var typo = await Query(page, "dizzyness");
        Assert.Equal("considerations.html", typo[0].Url);
    }

    [BrowserTheory]
    [InlineData(Host.Http)]
    [InlineData(Host.File)]
    public async Task A_typo_in_the_first_letters_is_found_in_the_neighbouring_shard(Host host)
    {
        // Shards are keyed by a word's first letters, so "eksetamine" and "dsisociation" are looked
        // for in shards other than their own once their own shards match nothing.
        var page = await site.OpenAsync("index.html", host);
        Assert.Equal("evidence/other-reports.html", (await Query(page, "eksetamine"))[0].Url);
        var dissociation = await Query(page, "dsisociation");
        Assert.NotEmpty(dissociation);
        Assert.All(dissociation.Take(3), r => Assert.Contains("dissociat", (r.Heading + " " + r.Text).ToLowerInvariant()));
        // A word its own shard knows is not looked for elsewhere: no fuzzy noise for real words.
        Assert.All(await Query(page, "midazolam"), r => Assert.Contains("midazolam", (r.Heading + " " + r.Text).ToLowerInvariant()));
    }

    [BrowserFact]
    public async Task A_word_the_site_has_is_not_also_read_as_a_misspelling_of_its_neighbours()
    {
        // "funding" and "finding" are both on the site, one letter apart.
        var page = await site.OpenAsync("index.html", Host.File);
        foreach (var (query, stem) in new[] { ("funding", "fund"), ("finding", "find") })
        {
            var results = await Query(page, query);
            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.Contains(stem, (r.Heading + " " + r.Text).ToLowerInvariant()));
        }
    }

    [BrowserFact]
    public async Task A_phrase_in_quotes_matches_only_that_phrase()
    {
        var page = await site.OpenAsync("index.html", Host.File);
        var phrase = await Query(page, "\"active placebo\"");
        Assert.Contains(phrase, r => r.Url == "evidence/pilot-trial.html" && r.Anchor == "how-the-trial-worked");
        Assert.All(phrase, r => Assert.Contains("active placebo", (r.Heading + " " + r.Text).ToLowerInvariant().Replace("\"", "")));
        Assert.Empty(await Query(page, "\"placebo active\""));
        Assert.NotEmpty(await Query(page, "placebo active"));
        // Quotes inside a longer pasted question do not empty the list when no page holds them.
        Assert.NotEmpty(await Query(page, "was midazolam used as the \"placebo active\" in the trial"));
    }

    [BrowserFact]
    public async Task Registry_numbers_and_guideline_codes_are_found_whole_and_by_prefix()
    {
        var page = await site.OpenAsync("index.html", Host.File);
        Assert.Contains(await Query(page, "NCT03395314"), r => r.Url == "evidence/pilot-trial.html");
        Assert.Contains(await Query(page, "nct0339"), r => r.Url == "evidence/pilot-trial.html");
        Assert.NotEmpty(await Query(page, "CG78"));
    }

    [BrowserFact]
    public async Task A_word_no_page_holds_is_named_and_the_others_still_find_results()
    {
        var page = await site.OpenAsync("index.html", Host.File);
        var outcome = await page.EvaluateAsync<string>("q => SiteGenSearch.query(q, 10).then(o => o.results.length + '|' + o.missing.join(','))", "ketamine psilocybin");
        Assert.Matches(@"^10\|psilocybin$", outcome);
        await page.GotoAsync(site.Url("search.html?q=ketamine%20psilocybin", Host.File));
        await Assertions.Expect(page.Locator(".search-page-status")).ToContainTextAsync("psilocybin: not on this site.");
    }

    [BrowserFact]
    public async Task Pages_holding_every_word_come_first_and_the_list_is_filled_by_score()
    {
        var page = await site.OpenAsync("index.html", Host.File);
        var both = await Query(page, "midazolam depression");
        // Few sections hold both words; the list does not stop there.
        Assert.Equal(10, both.Count);
        var holdsBoth = both.Select(r => (r.Heading + " " + r.Text).ToLowerInvariant()).Select(t => t.Contains("midazolam") && t.Contains("depress")).ToList();
        Assert.Equal(holdsBoth.OrderByDescending(b => b), holdsBoth);
    }

    [BrowserFact]
    public async Task Among_pages_holding_every_word_those_like_the_best_results_rank_higher()
    {
        // Four pages about propellers over wings; "Swept" is about that too but says the two words
        // once in a longer page; "Kitchen" says them once in a shorter one, which textbook BM25
        // ranks higher. The best results' own words (propeller, blade, thrust) lift "Swept wing".
        // A hundred pages on other things make the site large enough to have keyword files.
        var topic = "propeller blade thrust propeller blade thrust";
        var others = Enumerable.Range(0, 100).Select(n => ($"garden/{n}.md", $"---\ntitle: Garden {n}\n---\nCompost, soil and seedlings, week {n}.\n"));
        using var built = new SmallSite("Wings", [.. others,
            ("index.md", "---\ntitle: Home\n---\nNotes.\n"),
            ("one.md", $"---\ntitle: Propellers one\n---\nThe wing in a slipstream. {topic}. The wing and the slipstream.\n"),
            ("two.md", $"---\ntitle: Propellers two\n---\nA slipstream over the wing. {topic}. Slipstream, wing.\n"),
            ("three.md", $"---\ntitle: Propellers three\n---\nWing slipstream. {topic}. Wing slipstream.\n"),
            ("four.md", $"---\ntitle: Propellers four\n---\nThe slipstream of a wing. {topic}.\n"),
            ("swept.md", "---\ntitle: Swept\n---\nThe swept wing sits behind the propeller: its blade and thrust set the slipstream along the span.\n"),
            ("kitchen.md", "---\ntitle: Kitchen\n---\nThe kitchen wing catches the slipstream from the garden door, where the bread cools.\n")]);
        var page = await site.Browser.NewPageAsync();
        var keywordFiles = new List<string>();
        page.Request += (_, request) => { if (request.Url.Contains("/search/k/")) lock (keywordFiles) keywordFiles.Add(request.Url); };
        await page.GotoAsync(built.FileUrl("index.html"));
        // One word is a lookup, not reranked: no keyword file is loaded, and the shorter page comes first.
        var one = (await Query(page, "slipstream")).Select(r => r.Url).ToList();
        Assert.True(one.IndexOf("kitchen.html") < one.IndexOf("swept.html"), string.Join(", ", one));
        lock (keywordFiles) Assert.Empty(keywordFiles);
        var order = (await Query(page, "wing slipstream")).Select(r => r.Url).ToList();
        Assert.Equal(6, order.Count);
        Assert.True(order.IndexOf("swept.html") < order.IndexOf("kitchen.html"), string.Join(", ", order));
        lock (keywordFiles) Assert.NotEmpty(keywordFiles);
        await page.CloseAsync();
    }

    [BrowserFact]
    public async Task A_number_is_never_corrected_to_another_number()
    {
        var page = await site.OpenAsync("index.html", Host.File);
        var suggestion = await page.EvaluateAsync<string?>("q => SiteGenSearch.query(q, 10).then(o => o.suggestion)", "31415926");
        Assert.Null(suggestion);
    }

    [BrowserFact]
    public async Task Plural_finds_singular()
    {
        var page = await site.OpenAsync("index.html", Host.File);
        var plural = await Query(page, "infusions");
        Assert.Contains(plural, r => r.Text.Contains("infusion ", StringComparison.Ordinal) || r.Text.Contains("infusion,", StringComparison.Ordinal));
    }

    [BrowserTheory]
    [InlineData(Host.Http)]
    [InlineData(Host.File)]
    public async Task Keyboard_slash_arrows_and_enter_open_the_section_with_terms_highlighted(Host host)
    {
        var page = await site.OpenAsync("understanding-bpd.html", host);
        await page.Keyboard.PressAsync("/");
        Assert.Equal("search-input", await page.EvaluateAsync<string>("document.activeElement.id"));
        await page.Keyboard.TypeAsync("dizziness");
        var listbox = page.Locator("#search-listbox[role=listbox][data-query='dizziness']");
        await Assertions.Expect(listbox.Locator("[role=option]").First).ToBeVisibleAsync();
        Assert.Equal("true", await page.GetAttributeAsync("#search-input", "aria-expanded"));
        Assert.Equal("Practical considerations", await listbox.Locator(".search-result-title").First.TextContentAsync());
        Assert.Equal("dizziness", await listbox.Locator("mark").First.TextContentAsync());

        await page.Keyboard.PressAsync("ArrowDown");
        Assert.Equal("search-option-0", await page.GetAttributeAsync("#search-input", "aria-activedescendant"));
        Assert.Equal("true", await page.GetAttributeAsync("#search-option-0", "aria-selected"));
        // Start waiting for the navigation before Enter starts it, so a fast navigation is not missed.
        var navigated = page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"considerations\.html\?highlight=dizziness#side-effects$"),
            new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.Keyboard.PressAsync("Enter");
        await navigated;
        await Assertions.Expect(page.Locator(".page-body mark").First).ToHaveTextAsync("dizziness");
    }

    [BrowserTheory]
    [InlineData(Host.Http)]
    [InlineData(Host.File)]
    public async Task Focusing_the_box_loads_the_manifest_before_the_first_keystroke(Host host)
    {
        var page = await site.OpenAsync("index.html", host);
        const string manifestScript = "script[src$='search/index.js']";
        Assert.Equal(0, await page.Locator(manifestScript).CountAsync());
        await page.FocusAsync("#search-input");
        await Assertions.Expect(page.Locator(manifestScript)).ToHaveCountAsync(1);
        Assert.Equal("", await page.InputValueAsync("#search-input"));
    }

    [BrowserFact]
    public async Task Escape_closes_the_results()
    {
        var page = await site.OpenAsync("index.html", Host.Http);
        await page.FocusAsync("#search-input");
        await page.Keyboard.TypeAsync("midazolam");
        await Assertions.Expect(page.Locator("#search-popup")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#search-popup")).ToBeHiddenAsync();
        Assert.Equal("false", await page.GetAttributeAsync("#search-input", "aria-expanded"));
    }

    [BrowserFact]
    public async Task A_query_with_no_results_says_so_and_suggests_a_correction()
    {
        var page = await site.OpenAsync("index.html", Host.File);
        await page.FocusAsync("#search-input");
        await page.Keyboard.TypeAsync("dbd");
        var message = page.Locator("#search-message");
        await Assertions.Expect(message).ToContainTextAsync("No results for “dbd”. Did you mean dbt?");
        await Assertions.Expect(page.Locator("#search-status")).ToContainTextAsync("No results");
    }

    [BrowserTheory]
    [InlineData(Host.Http)]
    [InlineData(Host.File)]
    public async Task The_search_page_lists_ranked_results_for_the_query_in_its_address(Host host)
    {
        var page = await site.OpenAsync("search.html?q=midazolam", host);
        var first = page.Locator("ol.search-results li a").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        Assert.Contains("evidence/pilot-trial.html?highlight=midazolam#key-points", await first.GetAttributeAsync("href"));
        Assert.Equal("midazolam", await page.InputValueAsync("#search-input"));
        await Assertions.Expect(page.Locator(".search-page-status")).ToContainTextAsync("for “midazolam”");
    }

    [BrowserFact]
    public async Task Without_javascript_the_search_page_says_so_and_lists_every_page()
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync(site.Url("search.html", Host.Http));
        Assert.Contains("Search needs JavaScript", await page.ContentAsync());
        Assert.Equal(13, await page.Locator(".page-list a").CountAsync());
    }

    [BrowserFact]
    public async Task The_browser_stemmer_gives_the_published_snowball_stem_of_every_reference_word()
    {
        var folder = Path.Combine(BrowserFixture.RepoRoot, "tests", "SiteGen.Tests", "Search", "TestData", "snowball-english");
        var words = File.ReadAllLines(Path.Combine(folder, "voc.txt"));
        var stems = File.ReadAllLines(Path.Combine(folder, "output.txt"));
        var page = await site.OpenAsync("index.html", Host.File);
        var browser = await page.EvaluateAsync<string[]>("words => words.map(w => SiteGenSearch.englishStem(w))", words);
        var wrong = words.Select((w, i) => (w, stems[i], browser[i])).Where(x => x.Item2 != x.Item3).ToList();
        Assert.Equal(42_649, browser.Length);
        Assert.True(wrong.Count == 0, string.Join(", ", wrong.Take(20)));
    }

    [BrowserFact]
    public async Task The_browser_tokenises_words_exactly_as_the_build_does()
    {
        var page = await site.OpenAsync("index.html", Host.File);
        var words = new[] { "Infusions", "therapies", "Dizziness", "increased", "analysis", "class", "NAÏVE", "Müller", "studies", "reviews", "gas", "bus", "ketamine's",
            "NCT03395314", "CG78", "988", "flexibility", "generously" };
        foreach (var word in words)
        {
            var folded = SearchText.Words(word).First();
            Assert.Equal(SearchText.Stem(folded), await page.EvaluateAsync<string>("w => SiteGenSearch.stem(w)", folded));
        }
    }
}
