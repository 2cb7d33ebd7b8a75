using SiteGen.Citations;
using SiteGen.Content;
using SiteGen.Engine;
using SiteGen.Markdown;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Citations;

/// <summary>Runs Specs/Citations.md against a two-entry library.</summary>
public class CitationSpecTests
{
    public static readonly CitationLibrary Library = new(
    [
        new Reference
        {
            Id = "a", Title = "Borderline personality disorder", ContainerTitle = "Lancet", Year = 2004, Doi = "10.1/a",
            Authors = [new PersonName("Lieb", "Klaus"), new PersonName("Zanarini", "Mary C."), new PersonName("Schmahl", "Christian")],
        },
        new Reference
        {
            Id = "b", Title = "Ketamine", ContainerTitle = "J", Year = 2020, Pmid = "123",
            Authors = [new PersonName("Smith", "John"), new PersonName("Jones", "Ann")],
        },
    ]);

    public static IEnumerable<object[]> Examples() => SpecFile.Examples("Citations.md");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Renders_as_specified(SpecFile.Example example)
    {
        var style = example.Markdown.Contains("author-year", StringComparison.Ordinal) ? CitationStyle.AuthorYear : CitationStyle.Numeric;
        var context = TestContext.Create() with { Citations = Library, Config = new SiteConfig { CitationStyle = style } };
        var page = TestContext.Page("spec.md", "spec.html", example.Markdown, "Spec");
        var rendered = SiteRecipe.Render(MarkdownPipelineFactory.Create()).Execute([page], context)[0];
        Assert.Equal(SpecFile.Compact(example.Html), SpecFile.Compact(rendered.Content));
        Assert.False(context.Diagnostics.HasErrors, context.Messages());
    }
}
