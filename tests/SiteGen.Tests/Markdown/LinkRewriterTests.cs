using SiteGen.Engine;
using SiteGen.Markdown;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Markdown;

public class LinkRewriterTests
{
    private static (Document Page, BuildContext Context) Render(string markdown, int bodyLine = 1, string title = "Spec")
    {
        var context = TestContext.Create();
        var page = TestContext.Page("guide/spec.md", "guide/spec.html", markdown, title) with { BodyLine = bodyLine };
        var pages = new List<Document> { page, TestContext.Page("guide/other.md", "guide/other.html", "", "Other") };
        return (SiteRecipe.Render(MarkdownPipelineFactory.Create()).Execute(pages, context)[0], context);
    }

    [Fact]
    public void A_link_to_a_missing_page_is_reported_at_its_line_and_column_with_a_suggestion()
    {
        var (_, context) = Render("Intro.\n\nSee [it](othr.md) now.\n", bodyLine: 5);
        var error = Assert.Single(context.Diagnostics.All);
        Assert.Equal(("guide/spec.md", 7, 5), (error.File, error.Line, error.Column));
        Assert.Equal("page 'othr.md' not found (did you mean 'other.md'?)", error.Message);
    }

    [Fact]
    public void A_missing_image_is_an_error()
    {
        var (_, context) = Render("![chart](missing.png)\n");
        Assert.Contains("image 'missing.png' not found", context.Messages());
    }

    [Fact]
    public void A_root_relative_link_is_an_error_because_it_breaks_under_a_subpath()
    {
        var (_, context) = Render("[home](/index.md)\n");
        Assert.Contains("starts with '/'", context.Messages());
    }

    [Fact]
    public void A_link_out_of_the_input_folder_is_an_error()
    {
        var (_, context) = Render("[secrets](../../etc/passwd)\n");
        Assert.Contains("points outside the input folder", context.Messages());
    }

    [Fact]
    public void Links_are_recorded_with_their_source_position()
    {
        var (page, _) = Render("Text [a](other.md#x) and [b](https://example.org).\n", bodyLine: 4);
        Assert.Equal([new SourceLink("other.html#x", 4, 6, false), new SourceLink("https://example.org", 4, 26, false)], page.Links);
    }

    [Fact]
    public void Headings_feed_the_table_of_contents()
    {
        var (page, _) = Render("## Design\n\ntext\n\n### Dose\n\n#### Too deep\n");
        Assert.Equal([new Heading(2, "Design", "design"), new Heading(3, "Dose", "dose")], page.Headings);
    }

    [Fact]
    public void The_title_comes_from_front_matter_or_the_leading_heading()
    {
        var (page, _) = Render("# From the heading\n\nBody\n", title: "");
        Assert.Equal("From the heading", page.Title);
    }

    [Fact]
    public void A_second_level_one_heading_gets_a_warning()
    {
        var (_, context) = Render("# Title\n\n# Another\n");
        var warning = Assert.Single(context.Diagnostics.All);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(3, warning.Line);
    }
}
