using SiteGen.Engine;
using SiteGen.Markdown;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Markdown;

/// <summary>Runs Specs/Markdown.md: Markdown in, expected HTML out, as editors will write it.</summary>
public class MarkdownSpecTests
{
    public static IEnumerable<object[]> Examples() => SpecFile.Examples("Markdown.md");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Renders_as_specified(SpecFile.Example example)
    {
        var context = TestContext.Create();
        var pages = new List<Document>
        {
            TestContext.Page("guide/spec.md", "guide/spec.html", example.Markdown, "Spec"),
            TestContext.Page("guide/other.md", "guide/other.html", "", "Other"),
            TestContext.Page("about.md", "about.html", "", "About"),
            new() { SourcePath = "guide/chart.png", OutputPath = "guide/chart.png", Kind = DocumentKind.CopiedFile },
        };
        var rendered = SiteRecipe.Render(MarkdownPipelineFactory.Create()).Execute(pages, context)[0];
        Assert.Equal(SpecFile.Compact(example.Html), SpecFile.Compact(rendered.Content));
        Assert.False(context.Diagnostics.HasErrors, context.Messages());
    }
}
