using System.Diagnostics;
using SiteGen.Content;
using SiteGen.Engine;
using SiteGen.Html;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>
/// The red-team findings of the second security round, one test or more for each: content sent by
/// pull request must never run script on the site, publish a secret or kill the process.
/// </summary>
public class HostileContentTests
{
    private const string Home = "---\ntitle: Home\n---\nHello.\n";

    public static TheoryData<string> CommentTricks => new()
    {
        "<!--><script src=\"assets/search.js\"></script>-->",
        "<!---><script src=\"assets/search.js\"></script>-->",
        "<!-- x --!><script src=\"assets/search.js\"></script>-->",
        "<!--x--><!--><img src=x onerror=alert(1)>-->",
        "<div title=a\"b onclick=alert(1)>x</div>",
        "<img alt=x\"onerror=alert(1) src=a.png>",
        "<a href=\"java&#x09;script:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<textarea><script>alert(1)</script></textarea>",
        "<title><img src=x onerror=alert(1)></title>",
        "<noscript><img src=x onerror=alert(1)></noscript>",
        "<svg><style><img src=x onerror=alert(1)></style></svg>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    };

    [Theory]
    [MemberData(nameof(CommentTricks))]
    public void Raw_html_that_a_browser_reads_differently_never_reaches_the_page_as_script(string raw)
    {
        // As an HTML block, and inline inside a paragraph.
        using var site = TempSite.WithPages(("index.md", Home), ("page.md", $"---\ntitle: Page\n---\n{raw}\n\nText with {raw} inline.\n"));
        var result = site.Build(write: false);
        var page = result.Documents.Single(d => d.OutputPath == "page.html");
        Assert.Empty(LiveContent.Find(page.Content));
        // Only the quote trick in an alt text leaves nothing to remove: the browser reads it as one harmless value.
        if (!raw.StartsWith("<img alt=x", StringComparison.Ordinal))
            Assert.Contains(result.Diagnostics, d => d.Rule == "unsafe-html" && d.File.EndsWith("page.md"));
    }

    [Fact]
    public void A_details_block_around_markdown_keeps_its_markdown_inside_after_the_browser_tree_is_written_out()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\n<details>\n<summary>More</summary>\n\nMarkdown **inside**.\n\n</details>\n\nAfter.\n"));
        var page = site.Build(write: false).Documents.Single(d => d.OutputPath == "index.html").Content;
        var details = Dom.Parse(page).QuerySelector(".page-body details")!;
        Assert.Equal("More", details.QuerySelector("summary")!.TextContent);
        Assert.Equal("inside", details.QuerySelector("p strong")!.TextContent);
        Assert.DoesNotContain("After.", details.TextContent);
    }

    [Fact]
    public void Raw_html_with_nothing_to_remove_is_still_written_from_its_tokens_and_an_open_comment_stays_in_the_page_body()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\n<div title='it'>x</div>\n\n<!-- a note to editors\n\nMore.\n"));
        var result = site.Build(write: false);
        var page = result.Documents.Single(d => d.OutputPath == "index.html").Content;
        Assert.Contains("<div title=\"it\">x</div>", page);
        Assert.DoesNotContain("a note to editors", page);
        // Markdown ends an unclosed comment's HTML block at the end of the page; the comment must
        // not reach the layout, where a browser would hide the footer and the scripts behind it.
        Assert.DoesNotContain("<!--", page);
        Assert.NotNull(Dom.Parse(page).QuerySelector("footer"));
        var warning = Assert.Single(result.Diagnostics, d => d.Rule == "unsafe-html");
        Assert.Equal(6, warning.Line);
        Assert.StartsWith("removed a comment that is never closed ('<!--' without '-->'), with everything after it", warning.Message);
    }

    [Theory]
    [InlineData("<!--><script>alert(1)</script>-->", "--&gt;")]
    [InlineData("<p title=\"a&quot;b\">x &amp; y</p>", "<p title=\"a&quot;b\">x &amp; y</p>")]
    [InlineData("<p>1 < 2</p>", "<p>1 &lt; 2</p>")]
    public void The_sanitiser_writes_tokens_afresh_as_a_browser_read_them(string raw, string clean) =>
        Assert.Equal(clean, HtmlAllowlist.Sanitize(raw, new List<string>()));

    [Theory]
    [InlineData("search.md", "this page would be published as search.html, which the site already generates (the search page); rename it.")]
    [InlineData("404.md", "this page would be published as 404.html, which the site already generates (the page-not-found page); rename it.")]
    [InlineData("references.md", "this page would be published as references.html, which the site already generates (the References page); rename it.")]
    [InlineData("evidence-table.md", "this page would be published as evidence-table.html, which the site already generates (the Evidence table page); rename it.")]
    [InlineData("search/index.js", "this file would be published as search/index.js, which the site already generates (the search index); rename it.")]
    [InlineData("assets/search.js", "this file would be published as assets/search.js, which the site already generates (a file of the theme); rename it.")]
    [InlineData("sitemap.xml", "this file would be published as sitemap.xml, which the site already generates (the sitemap); rename it.")]
    [InlineData("Robots.TXT", "this file would be published as Robots.TXT, which the site already generates (the robots.txt file); rename it.")]
    public void A_source_file_on_the_path_of_a_generated_file_is_an_error_at_the_file(string path, string message)
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHello [@a].\n"), (path, path.EndsWith(".md") ? "---\ntitle: Mine\n---\nx\n" : "alert(1)"));
        // A cited study with a design, so the references page and the evidence table exist too.
        site.Write("citations.json", "[{\"id\":\"a\",\"title\":\"A\",\"DOI\":\"10.1/a\",\"note\":\"design: RCT\\nn: 20\"}]");
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((path, 1, 1, message), (error.File.Replace('\\', '/')[^path.Length..], error.Line, error.Column, error.Message));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public void Two_names_that_differ_only_by_unicode_normalisation_are_an_error()
    {
        using var site = TempSite.WithPages(("index.md", Home), ("caf\u00e9.md", "---\ntitle: A\n---\nx\n"), ("cafe\u0301.md", "---\ntitle: B\n---\nx\n"));
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("would both be published as") && d.Message.Contains("Unicode normalisation"));
    }

    [Theory]
    [InlineData("a#b.md", "'#'")]
    [InlineData("what?.md", "'?'")]
    [InlineData("100%.md", "'%'")]
    public void Names_that_cannot_be_part_of_a_url_are_refused(string name, string character)
    {
        using var site = TempSite.WithPages(("index.md", Home), (name, "---\ntitle: X\n---\nx\n"));
        var result = site.Build();
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith(name) && d.Message.Contains($"the name contains {character}"));
    }

    [Fact]
    public void A_partial_linked_to_the_process_environment_publishes_no_secret()
    {
        using var site = TempSite.WithPages(("index.md", Home));
        File.Delete(Path.Combine(site.Input, "_partials", "limitations.md"));
        File.CreateSymbolicLink(Path.Combine(site.Input, "_partials", "limitations.md"), "/proc/self/environ");
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("_partials/limitations.md") && d.Message.Contains("leads outside the input folder"));
        Assert.False(Directory.Exists(site.Output));
    }

    [Fact]
    public async Task A_theme_asset_linked_out_of_the_theme_and_a_pipe_in_input_are_refused_without_hanging()
    {
        using var site = TempSite.WithPages(("index.md", Home));
        var secret = Path.Combine(site.Root, "secret.txt");
        File.WriteAllText(secret, "TOKEN=hunter2");
        File.CreateSymbolicLink(Path.Combine(site.Theme, "assets", "leak.txt"), secret);
        Directory.CreateDirectory(Path.Combine(site.Input, "files"));
        Process.Start("mkfifo", [Path.Combine(site.Input, "files", "pipe.pdf")])!.WaitForExit();
        var result = await Task.Run(() => site.Build()).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("leak.txt") && d.Message.Contains("leads outside the theme folder"));
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("pipe.pdf") && d.Message.Contains("not a regular file"));
    }

    [Fact]
    public void Html_files_are_refused_and_svg_files_are_published_clean()
    {
        using var site = TempSite.WithPages(("index.md", Home), ("page.html", "<script>alert(1)</script>"));
        var refused = site.Build();
        Assert.Contains(refused.Diagnostics, d => d.File.EndsWith("page.html") && d.Message.StartsWith("HTML files are not published as they are"));

        File.Delete(Path.Combine(site.Input, "page.html"));
        site.Write("picture.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" onload=\"alert(1)\">" +
                                  "<script>alert(2)</script><a xlink:href=\"javascript:alert(3)\"><circle r=\"4\"/></a>" +
                                  "<set attributeName=\"href\" to=\"javascript:alert(4)\"/><use href=\"https://evil.example/x.svg#a\"/></svg>");
        var result = site.Build();
        Assert.Equal(0, result.ExitCode);
        var svg = File.ReadAllText(Path.Combine(site.Output, "picture.svg"));
        Assert.Contains("<circle r=\"4\" />", svg);
        foreach (var gone in new[] { "onload", "<script", "javascript:", "<set", "evil.example" }) Assert.DoesNotContain(gone, svg);
        Assert.Contains(result.Diagnostics, d => d.Rule == "unsafe-html" && d.File.EndsWith("picture.svg"));

        site.Write("picture.svg", "<!DOCTYPE svg [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><svg xmlns=\"http://www.w3.org/2000/svg\">&b;</svg>");
        Assert.Contains(site.Build().Diagnostics, d => d.File.EndsWith("picture.svg") && d.Message.Contains("DTD"));
    }

    [Fact]
    public void Script_urls_in_autolinks_citations_and_site_settings_never_become_links()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nSee <javascript:alert(1)> and [@a].\n"));
        site.Write("citations.json", "[{\"id\":\"a\",\"title\":\"A\",\"URL\":\"javascript:alert(2)\"}]");
        var result = site.Build(write: false);
        Assert.Empty(LiveContent.Find(result.Documents.Single(d => d.OutputPath == "index.html").Content));
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("index.md") && d.Message.Contains("javascript: URL"));
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("citations.json") && d.Message.Contains("removed the URL of citation 'a'"));

        site.Write("site.yml", "title: T\nrepository: javascript:alert(1)\nedit_url: \"data:text/html,x\"\n");
        var settings = site.Build(write: false);
        Assert.Contains(settings.Diagnostics, d => d.File.EndsWith("site.yml") && d.Line == 2 && d.Message == "'repository' must be an absolute http:// or https:// URL.");
        Assert.Contains(settings.Diagnostics, d => d.File.EndsWith("site.yml") && d.Line == 3 && d.Message == "'edit_url' must be an absolute http:// or https:// URL.");
    }

    [Theory]
    [InlineData("title: [", 100_000, "]")]
    [InlineData("title: {a: ", 100_000, "}")]
    [InlineData("tags:\n", 100_000, "- ")]
    public void Nesting_a_hundred_thousand_levels_deep_in_front_matter_is_an_error_not_a_crash(string head, int times, string piece)
    {
        var yaml = piece == "- " ? head + string.Concat(Enumerable.Range(0, 2000).Select(i => new string(' ', i * 2) + "- ")) + "x\n"
            : head + string.Concat(Enumerable.Repeat(piece.Length > 1 ? "[" : head[^1..], times));
        using var site = TempSite.WithPages(("index.md", "---\n" + yaml + "\n---\nx\n"));
        var result = site.Build(write: false);
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("index.md") && d.Severity == Severity.Error);
    }

    [Fact]
    public void A_yaml_alias_bomb_used_as_a_key_is_refused_at_once()
    {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n" +
                   "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n? *e\n: x\ntitle: T\n";
        using var site = TempSite.WithPages(("index.md", "---\n" + yaml + "---\nx\n"));
        var watch = Stopwatch.StartNew();
        var result = site.Build(write: false);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("index.md") && d.Line == 7 && d.Message.Contains("a key must be a plain name"));
    }

    [Fact]
    public void More_yaml_aliases_than_the_limit_are_refused_at_the_one_past_it()
    {
        var yaml = "title: T\na: &a x\nlist:\n" + string.Concat(Enumerable.Repeat("  - *a\n", YamlFields.MaxAliases + 1));
        using var site = TempSite.WithPages(("index.md", "---\n" + yaml + "---\nx\n"));
        var result = site.Build(write: false);
        var error = Assert.Single(result.Diagnostics, d => d.File.EndsWith("index.md") && d.Severity == Severity.Error);
        Assert.Contains($"more than {YamlFields.MaxAliases} aliases", error.Message);
        Assert.Equal(4 + YamlFields.MaxAliases + 1, error.Line); // the file's '---', three lines, then the 101st '- *a'
    }

    [Fact]
    public void A_bibtex_macro_bomb_is_refused_before_it_grows()
    {
        var bib = new System.Text.StringBuilder("@string{m0 = \"xxxxxxxxxxxxxxxx\"}\n");
        for (var i = 1; i < 30; i++) bib.Append($"@string{{m{i} = m{i - 1} # m{i - 1} # m{i - 1} # m{i - 1}}}\n");
        bib.Append("@article{a, title = m29, doi = {10.1/a}}\n");
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\n[@a]\n"));
        site.Write("citations.bib", bib.ToString());
        var watch = Stopwatch.StartNew();
        var result = site.Build(write: false);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        Assert.Contains(result.Diagnostics, d => d.File.EndsWith("citations.bib") && d.Message.Contains("grows past 65,536 characters"));
    }

    [Fact]
    public void Unclosed_link_targets_repeated_a_hundred_thousand_times_are_refused_at_once()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nIntro.\n\n" + string.Concat(Enumerable.Repeat("[a](", 100_000)) + "\n"));
        var watch = Stopwatch.StartNew();
        var result = site.Build(write: false);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((6, 3), (error.Line, error.Column));
        Assert.StartsWith("links here start with '](' and never close with ')'", error.Message);
    }

    [Fact]
    public void Ordinary_links_stay_far_under_the_link_target_budget() =>
        Assert.Null(SiteGen.Markdown.LinkTargetBudget.OverBudget(
            string.Concat(Enumerable.Repeat("See [the trial](https://doi.org/10.1001/jama.2020.1 \"t\") and [x](other.md#part). ", 20_000))));
}
