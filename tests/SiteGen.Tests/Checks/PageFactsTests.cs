using AngleSharp.Html.Parser;
using SiteGen.Checks;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Checks;

/// <summary>
/// The build reads pages with a one-pass tokenizer instead of a DOM. These tests hold it to
/// what a full HTML parser (AngleSharp) finds, on every page of the real site and on markup
/// written to trip a hand-made reader.
/// </summary>
public class PageFactsTests
{
    private static readonly Lazy<IReadOnlyList<(string Path, string Html)>> RealPages = new(() =>
    {
        using var site = TempSite.CopyOfRealSite();
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        return result.Documents.Where(d => d.IsHtmlPage).Select(d => (d.OutputPath, d.Content)).ToList();
    });

    /// <summary>Markup that a naive reader gets wrong, each wrapped in a page with a callout and a body.</summary>
    public static TheoryData<string> Tricky() =>
    [
        """<!-- <a href="commented.html">x</a> --><a href="real.html">Real</a>""",
        """<script>var s = "<a href='in-script.html'>x</a></scr" + "ipt>";</script><a href="after.html">After</a>""",
        """<a title="a > b" href="q.html?x=1&amp;y=2#f%20g">Quoted &gt;</a>""",
        """<A HREF="upper.html">Upper</A><IMG SRC="pic.png">""",
        """<a href="outer.html">outer <a href="inner.html">inner</a></a>""",
        """<a href=unquoted.html id=u1>Unquoted</a><p id="u1">again</p>""",
        """<a href="nbsp.html">&nbsp;</a><a href="img.html"><img src="i.png" alt="Icon"></a><a href="blank.html"><img src="j.png" alt=" "></a>""",
        """<a href="first.html" href="second.html">Twice</a><a name="anchor-name"></a>""",
        """<a aria-label="Close" href="close.html"></a><a aria-label="  " href="space.html"> </a>""",
        """<![CDATA[ <a href="cdata.html">x</a> ]]><?php echo '<a href="pi.html">'; ?><a href="ok.html">ok</a>""",
        """<textarea><a href="in-textarea.html">x</a></textarea><title>t</title><style>a[href="s.html"]{}</style>""",
        """<h1>Second title</h1><iframe src="frame.html"></iframe><area href="map.html"><source src="v.mp4">""",
        """<p>1 < 2 and 3 <4</p><a href='single.html'>Single</a><img src="x.png" alt="">""",
        """<svg><a href="svg-link.html"><text>svg</text></a><path d="M0 0"/></svg>""",
    ];

    private static string Wrap(string body) => $$"""
        <!DOCTYPE html><html><head><title>T</title><link href="style.css" rel="stylesheet"></head>
        <body><aside class="note evidence-limitations" role="note"><h2 id="lim">Limits</h2><p>Read with care.</p></aside>
        <main><h1>Title</h1><div class="page-body">{{body}}</div></main></body></html>
        """;

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Tricky_markup_gives_the_same_facts_as_a_full_parser(string body) =>
        AssertSameFacts(AngleSharpOracle.Facts(Wrap(body)), PageFactsReader.Read(Wrap(body)));

    [Fact]
    public void Every_real_page_gives_the_same_facts_as_a_full_parser()
    {
        Assert.NotEmpty(RealPages.Value);
        foreach (var (_, html) in RealPages.Value) AssertSameFacts(AngleSharpOracle.Facts(html), PageFactsReader.Read(html));
    }

    [Theory]
    [InlineData("""<div><aside class="evidence-limitations" role="note"><p>no heading</p></aside></div><div class="page-body"></div>""", 1, false, true)]
    [InlineData("""<div class="page-body"></div><aside class="evidence-limitations" role="note"><h2>Late</h2></aside>""", 1, true, false)]
    [InlineData("""<aside class="evidence-limitations" role="note"><aside><h3></h3></aside><h2>x</h2></aside><aside class="evidence-limitations" role="note"><h2>y</h2></aside>""", 2, false, true)]
    [InlineData("""<aside class="evidence-limitations" role="status"><h2>Wrong role</h2></aside>""", 0, false, false)]
    public void Callouts_are_counted_and_placed_as_a_full_parser_sees_them(string html, int count, bool heading, bool before)
    {
        var facts = PageFactsReader.Read(html);
        Assert.Equal((count, heading, before), (facts.CalloutCount, facts.CalloutHasHeading, facts.CalloutBeforeContent));
        AssertSameFacts(AngleSharpOracle.Facts(html), facts);
    }

    [Fact]
    public void Every_real_page_body_gives_the_same_search_sections_as_a_full_parser()
    {
        foreach (var (path, html) in RealPages.Value)
        {
            var body = new HtmlParser().ParseDocument(html).QuerySelector(".page-body");
            if (body is null) continue;
            Assert.Equal(AngleSharpOracle.Sections(body.InnerHtml, path), ReadSearchSections.ReadBody(body.InnerHtml, path));
        }
    }

    [Theory]
    [MemberData(nameof(Tricky))]
    public void Tricky_markup_gives_the_same_search_sections_as_a_full_parser(string body) =>
        Assert.Equal(AngleSharpOracle.Sections(body, "Page"), ReadSearchSections.ReadBody(body, "Page"));

    private static void AssertSameFacts(PageFacts expected, PageFacts actual)
    {
        Assert.Equal(expected.Ids.Order(StringComparer.Ordinal), actual.Ids.Order(StringComparer.Ordinal));
        Assert.Equal(expected.DuplicateIds, actual.DuplicateIds);
        Assert.Equal(expected.Links, actual.Links);
        Assert.Equal(expected.ImagesWithoutAlt, actual.ImagesWithoutAlt);
        Assert.Equal(expected.EmptyLinks, actual.EmptyLinks);
        Assert.Equal((expected.CalloutCount, expected.CalloutHasHeading, expected.CalloutBeforeContent, expected.H1Count),
                     (actual.CalloutCount, actual.CalloutHasHeading, actual.CalloutBeforeContent, actual.H1Count));
    }
}
