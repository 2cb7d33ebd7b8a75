using System.Text;
using CsCheck;
using SiteGen.Citations;
using SiteGen.Content;
using SiteGen.Engine;
using SiteGen.Markdown;
using SiteGen.Tests.Citations;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Properties;

/// <summary>
/// Random input, shaped like what editors (or attackers) could send: the build never throws,
/// never hangs, and whenever it succeeds every page is valid UTF-8 HTML that carries the callout.
/// </summary>
public class HostileInputProperties
{
    private static Gen<string> Pieces(params string[] pieces) =>
        Gen.OneOf(pieces).Array[0, 40].Select(parts => string.Concat(parts));

    private static readonly Gen<string> FrontMatterYaml = Pieces(
        "title: ", "order: ", "reviewed: ", "tags: [", "]", "- ", "\n", "  ", ":", "'", "\"", "#", "{", "}", "&a ", "*a",
        "!!binary ", "|", ">", "2026-01-01", "x", "é", "\t", "---", "limitations:", "reviewers:", "? ", "%", "@", "\u0000", "💊");

    private static readonly Gen<string> CitationText = Pieces(
        "[", "]", "@", "@a", "@b", "@zz", ";", ",", " ", "see ", "p. 3", "-", "`", "(", ")", "editor@x.org", "\\", "*", "_", "!",
        "<", ">", "a", "\n", "[@a]", "[-@b]", "@a.", "](u)", "[^1]", "[^1]: n\n");

    private static readonly Gen<string> PageBody = Pieces(
        "# ", "## ", "### ", "Heading", "\n", "\n\n", "> ", "- ", "1. ", "    ", "```", "~~~", "`", "**", "*", "_", "|", "---",
        "| a | b |\n|---|---|\n", "[link](other.md)", "[bad](missing.md#x)", "[x](#top)", "![img](pic.png)", "[@a]", "@b", "[^n]",
        "[^n]: note\n", "> [!NOTE]\n", "<details>", "</details>", "<summary>s</summary>", "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">j</a>", "<iframe src=//x>", "<!-- c -->", "&amp;", "&#0;",
        "é", "💊", "\u200B", "\t", "\\", "<", ">", "[", "]", "(", ")", "text ", "ketamine ", "\r\n", "<div>", "</div>",
        // Where tokenizers disagree: comment ends, quotes in unquoted values, elements read as text.
        "<!-->", "<!--->", "--!>", "-->", "<script src=\"assets/search.js\">", "</script>", "<textarea>", "<title>", "<svg>", "<math>",
        "<style>", "<noscript>", "<a title=a\"b onclick=alert(1)>", "<img alt=x\"onerror=alert(1)>", "<javascript:alert(1)>",
        "[x](javascript:alert(1))", "<a href=\"&#106;avascript:x\">", "=", "\"", "'", "onerror=alert(1)");

    [Fact]
    public void Front_matter_never_throws_and_errors_point_into_the_front_matter()
    {
        FrontMatterYaml.Sample(yaml =>
        {
            var diagnostics = new Diagnostics();
            FrontMatter.Parse(yaml, "p.md", diagnostics);
            var lines = yaml.Count(c => c == '\n') + 2;
            Assert.All(diagnostics.All, d => Assert.InRange(d.Line, 0, lines + 1));
        }, iter: 500, seed: null);
    }

    [Fact]
    public void Citation_syntax_never_throws_and_resolves_or_reports()
    {
        var pipeline = MarkdownPipelineFactory.Create();
        CitationText.Sample(text =>
        {
            var context = TestContext.Create() with { Citations = CitationSpecTests.Library };
            var page = TestContext.Page("spec.md", "spec.html", text, "Spec");
            var rendered = SiteRecipe.Render(pipeline).Execute([page], context)[0];
            Assert.DoesNotContain(context.Diagnostics.All, d => d.Message.Contains("could not be processed", StringComparison.Ordinal));
            Assert.All(context.Diagnostics.All.Where(d => d.Severity == Severity.Error && d.Message.Contains("citation", StringComparison.Ordinal)), d =>
            {
                Assert.StartsWith("unknown citation '", d.Message);
                Assert.DoesNotContain(d.Message, new[] { "unknown citation 'a'", "unknown citation 'b'" });
            });
            Assert.All(rendered.Citations, c => Assert.Contains(c.Key, new[] { "a", "b" }));
        }, iter: 500, seed: null);
    }

    [Fact]
    public void Whole_pages_build_in_bounded_time_to_valid_html_with_the_callout()
    {
        using var site = TempSite.WithPages(("other.md", "---\ntitle: Other\n---\n## X\n"));
        site.Write("citations.json", "[{\"id\":\"a\",\"title\":\"A\",\"DOI\":\"10.1/a\"},{\"id\":\"b\",\"title\":\"B\",\"DOI\":\"10.1/b\"}]");
        var strictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        PageBody.Sample(body =>
        {
            site.Write("page.md", "---\ntitle: Random\n---\n" + body);
            var build = Task.Run(() => site.Build(write: false));
            Assert.True(build.Wait(TimeSpan.FromSeconds(20)), "the build did not finish within 20 s");
            var result = build.Result;
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("could not be processed", StringComparison.Ordinal));
            if (result.ExitCode != 0) return; // a broken link is a fair error; it must be reported, not thrown
            foreach (var html in result.Documents.Where(d => d.IsHtmlPage))
            {
                strictUtf8.GetBytes(html.Content); // throws on a lone surrogate
                var dom = Dom.Parse(html.Content);
                Assert.Single(dom.QuerySelectorAll("aside.evidence-limitations[role=note]"));
                Assert.All(dom.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.True(s.HasAttribute("src")));
                foreach (var data in dom.QuerySelectorAll("script[type='application/ld+json']"))
                    System.Text.Json.JsonDocument.Parse(data.TextContent).Dispose(); // random titles never break the JSON
                Assert.Empty(LiveContent.Find(html.Content));
            }
        }, iter: 150, seed: null);
    }

    private static readonly Gen<string> BibTex = Pieces(
        "@article{", "@string{", "@comment{", "@preamble{", "a", "b", "m", " = ", "title", "doi", "author", "year", "\"", "{", "}", "(", ")",
        "#", ",", "\n", "@", "\\'e", "{\\", "\\", " and ", "10.1/x", "2024", "jan", "%", "💊", "\u0000", "[", "]");

    [Fact]
    public async Task Random_front_matter_and_bibtex_build_in_bounded_time_and_never_publish_script()
    {
        using var site = TempSite.WithPages(("other.md", "---\ntitle: Other\n---\n## X\n"));
        foreach (var (yaml, bib, body) in Gen.Select(FrontMatterYaml, BibTex, PageBody).Array[25].Single().Concat(
                     Gen.Select(FrontMatterYaml, BibTex, PageBody).Array[25].Single()))
        {
            site.Write("page.md", "---\ntitle: Random\n" + yaml + "\n---\n" + body + " [@a]\n");
            site.Write("citations.bib", bib + "\n@article{a, title = {A}, doi = {10.1/a}}\n");
            var result = await Task.Run(() => site.Build(write: false)).WaitAsync(TimeSpan.FromSeconds(20));
            Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("could not be processed", StringComparison.Ordinal));
            foreach (var page in result.Documents.Where(d => d.IsHtmlPage && d.Content.Length > 0))
                Assert.Empty(LiveContent.Find(page.Content));
        }
    }

    private static readonly Gen<string> HtmlSoup = Pieces(
        "<", ">", "</", "/>", "<!--", "-->", "<!", "<?", "a", "aside", "h2", "script", "style", "title", "textarea", "img", " ",
        "=", "\"", "'", "href", "id", "class=\"evidence-limitations page-body\"", "role=note", "alt", "&", "&amp;", "&#", ";", "\n", "x", "é");

    [Fact]
    public async Task The_html_reader_finishes_on_any_markup_and_reads_what_a_full_parser_reads()
    {
        // The checks and the search index read every built page with the one-pass tokenizer. On any
        // markup at all it must finish (bounded here) and keep no more text than it was given; on
        // markup as the build publishes raw HTML (sanitised, then written out from the browser's
        // tree) the facts the checks rely on must be the ones a browser's parser finds.
        await Task.Run(() => HtmlSoup.Sample(soup =>
        {
            var rawWords = SiteGen.Search.ReadSearchSections.ReadBody(soup, "Title").Sum(s => s.Text.Length);
            Assert.InRange(rawWords, 0, soup.Length + "Title".Length);
            SiteGen.Checks.PageFactsReader.Read(soup);

            var html = SiteGen.Html.HtmlAllowlist.AsBrowserBuildsIt(SiteGen.Html.HtmlAllowlist.Sanitize(soup, new List<string>()));
            var facts = SiteGen.Checks.PageFactsReader.Read(html);
            var expected = AngleSharpOracle.Facts(html);
            Assert.Equal(expected.Ids.Order(StringComparer.Ordinal), facts.Ids.Order(StringComparer.Ordinal));
            Assert.Equal((expected.CalloutCount, expected.H1Count), (facts.CalloutCount, facts.H1Count));
            var words = SiteGen.Search.ReadSearchSections.ReadBody(html, "Title").Sum(s => s.Text.Length);
            Assert.InRange(words, 0, html.Length);
        }, iter: 3000)).WaitAsync(TimeSpan.FromSeconds(60));
    }
}
