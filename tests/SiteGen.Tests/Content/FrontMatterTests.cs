using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Tests.Content;

public class FrontMatterTests
{
    [Fact]
    public void Splits_front_matter_from_the_body_and_knows_where_the_body_starts()
    {
        var (yaml, body, bodyLine, unclosed) = FrontMatter.Split("---\ntitle: A\norder: 2\n---\nHello\n");
        Assert.Equal("title: A\norder: 2\n", yaml);
        Assert.Equal("Hello\n", body);
        Assert.Equal(5, bodyLine);
        Assert.False(unclosed);
    }

    [Fact]
    public void A_page_without_front_matter_is_all_body() =>
        Assert.Equal((null, "# Hi\n", 1, false), FrontMatter.Split("# Hi\n"));

    [Fact]
    public void Unclosed_front_matter_is_detected() =>
        Assert.True(FrontMatter.Split("---\ntitle: A\n\nBody text\n").Unclosed);

    [Fact]
    public void A_thematic_break_later_in_the_page_is_not_front_matter() =>
        Assert.Null(FrontMatter.Split("Intro\n\n---\n\nMore\n").Yaml);

    [Fact]
    public void Reads_every_documented_field()
    {
        var diagnostics = new Diagnostics();
        var meta = FrontMatter.Parse("""
            title: "Evidence: an overview"
            description: What we know
            order: 3
            reviewed: 2026-11-23
            reviewers: [Dr A, Dr B]
            tags:
              - rct
              - ketamine
            limitations:
              - Small sample
            nav_title: Evidence
            """, "p.md", diagnostics);
        Assert.Empty(diagnostics.All);
        Assert.Equal("Evidence: an overview", meta.Title);
        Assert.Equal("What we know", meta.Description);
        Assert.Equal(3, meta.Order);
        Assert.Equal(new DateOnly(2026, 11, 23), meta.Reviewed);
        Assert.Equal(["Dr A", "Dr B"], meta.Reviewers.Select(r => r.Name));
        Assert.Equal(["rct", "ketamine"], meta.Tags);
        Assert.Equal(["Small sample"], meta.Limitations);
        Assert.Equal("Evidence", meta.NavTitle);
    }

    [Fact]
    public void Invalid_yaml_is_reported_at_its_line_in_the_file()
    {
        var diagnostics = new Diagnostics();
        FrontMatter.Parse("title: A\ndescription: [unclosed\n", "p.md", diagnostics);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal("p.md", error.File);
        Assert.True(error.Line >= 3, $"line {error.Line} should be in the file's numbering (front matter starts on line 2)");
        Assert.Contains("not valid YAML", error.Message);
    }

    [Theory]
    [InlineData("order: first\n", "'order' must be a whole number", 2)]
    [InlineData("title: A\nreviewed: 23/11/2026\n", "'reviewed' must be a date written as YYYY-MM-DD", 3)]
    [InlineData("title: A\ntitel: B\n", "unknown key 'titel' (did you mean 'title'?)", 3)]
    public void Wrong_values_are_reported_at_their_own_line(string yaml, string message, int line)
    {
        var diagnostics = new Diagnostics();
        FrontMatter.Parse(yaml, "p.md", diagnostics);
        var error = Assert.Single(diagnostics.All);
        Assert.Contains(message, error.Message);
        Assert.Equal(line, error.Line);
        Assert.True(error.Column > 0);
    }
}
