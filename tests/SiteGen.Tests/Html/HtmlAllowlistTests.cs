using SiteGen.Html;

namespace SiteGen.Tests.Html;

public class HtmlAllowlistTests
{
    private static (string Html, List<string> Removed) Clean(string html)
    {
        var removed = new List<string>();
        return (HtmlAllowlist.Sanitize(html, removed), removed);
    }

    [Theory]
    [InlineData("<details><summary>More</summary>text</details>")]
    [InlineData("<sup>1</sup> <sub>2</sub> <kbd>Ctrl</kbd> <abbr title=\"N-methyl-D-aspartate\">NMDA</abbr><br>")]
    [InlineData("<table><tr><th scope=\"col\">n</th></tr><tr><td colspan=\"2\">22</td></tr></table>")]
    [InlineData("<a href=\"https://doi.org/10.1/x\" rel=\"noopener\">doi</a> <a href=\"other.html#x\">x</a> <a href=\"mailto:a@b.org\">m</a>")]
    public void Keeps_the_safe_set_unchanged(string html)
    {
        var (clean, removed) = Clean(html);
        Assert.Equal(html, clean);
        Assert.Empty(removed);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>after", "after", "<script>")]
    [InlineData("<SCRIPT SRC=//evil.example/x.js></SCRIPT>after", "after", "<script>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>", "", "<iframe>")]
    [InlineData("<style>body{display:none}</style>text", "text", "<style>")]
    [InlineData("<svg><script>alert(1)</script></svg>x", "x", "<svg>")]
    [InlineData("<object data=\"x.swf\"></object>", "", "<object>")]
    public void Removes_scripts_styles_and_embeds_with_their_content(string html, string expected, string what)
    {
        var (clean, removed) = Clean(html);
        Assert.Equal(expected, clean);
        Assert.Contains(what, removed);
    }

    [Theory]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\" alt=\"x\">", "<img src=\"x.png\" alt=\"x\">", "the onerror attribute of <img>")]
    [InlineData("<p style=\"position:fixed\" onclick='steal()'>hi</p>", "<p>hi</p>", "the style attribute of <p>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "<a>x</a>", "the javascript: URL in <a href>")]
    [InlineData("<a href=\" JaVa&#x53;cript:alert(1)\">x</a>", "<a>x</a>", "the javascript: URL in <a href>")]
    [InlineData("<img src=\"data:image/svg+xml;base64,PHN2Zz4=\" alt=\"x\">", "<img alt=\"x\">", "the data: URL in <img src>")]
    public void Removes_event_handlers_styles_and_unsafe_urls(string html, string expected, string what)
    {
        var (clean, removed) = Clean(html);
        Assert.Equal(expected, clean);
        Assert.Contains(what, removed);
    }

    [Fact]
    public void Unknown_tags_go_but_their_text_stays() =>
        Assert.Equal("Hello world", Clean("<marquee>Hello</marquee> <blink>world</blink>").Html);

    [Fact]
    public void Comments_are_dropped() => Assert.Equal("ab", Clean("a<!-- hidden <script>x</script> -->b").Html);

    [Fact]
    public void A_tag_that_never_ends_is_dropped_as_a_browser_drops_it_and_reported()
    {
        var (html, removed) = Clean("x <img src=x onerror=alert(1)");
        Assert.Equal("x ", html);
        Assert.Contains("an unfinished tag", removed);
    }

    [Fact]
    public void A_block_may_open_an_element_that_closes_later_in_the_page() =>
        Assert.Equal("<details>\n<summary>Notes</summary>", Clean("<details>\n<summary>Notes</summary>").Html);
}
