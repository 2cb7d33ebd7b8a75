using SiteGen.Checks;
using SiteGen.Content;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Content;

public class AssignUrlsTests
{
    private static Document Page(string source, int? order = null) => new()
    {
        SourcePath = source, OutputPath = "", Kind = DocumentKind.Page, Meta = new PageMeta { Order = order },
    };

    [Fact]
    public void Number_prefixes_order_pages_and_are_dropped_from_urls()
    {
        var context = TestContext.Create();
        var result = new AssignUrls().Execute([Page("02-evidence/01-pilot-trial.md"), Page("03-about.md")], context);
        Assert.Equal("evidence/pilot-trial.html", result[0].OutputPath);
        Assert.Equal(1, result[0].Order);
        Assert.Equal("about.html", result[1].OutputPath);
        Assert.Equal(3, result[1].Order);
    }

    [Fact]
    public void Front_matter_order_wins_over_the_prefix()
    {
        var result = new AssignUrls().Execute([Page("05-about.md", order: 1)], TestContext.Create());
        Assert.Equal(1, result[0].Order);
    }

    [Fact]
    public void The_home_page_comes_first_and_unnumbered_pages_last()
    {
        var result = new AssignUrls().Execute([Page("index.md"), Page("notes.md"), Page("evidence/index.md")], TestContext.Create());
        Assert.Equal(int.MinValue, result[0].Order);
        Assert.Equal(int.MaxValue, result[1].Order);
        Assert.Equal("evidence/index.html", result[2].OutputPath);
    }

    [Fact]
    public void Names_with_spaces_and_unicode_are_kept()
    {
        var result = new AssignUrls().Execute([Page("études/my page.md")], TestContext.Create());
        Assert.Equal("études/my page.html", result[0].OutputPath);
    }

    [Fact]
    public void Two_pages_that_differ_only_by_case_or_prefix_are_an_error()
    {
        var context = TestContext.Create();
        new CheckOutputPaths().Execute(new AssignUrls().Execute([Page("About.md"), Page("about.md"), Page("1-faq.md"), Page("2-faq.md")], context), context);
        var messages = context.Messages();
        Assert.Contains("'about.md' and 'About.md' would both be published as", messages);
        Assert.Contains("'2-faq.md' and '1-faq.md' would both be published as 'faq.html'", messages);
    }
}
