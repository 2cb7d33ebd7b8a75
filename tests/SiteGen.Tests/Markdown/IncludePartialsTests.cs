using SiteGen.Tests.Support;

namespace SiteGen.Tests.Markdown;

/// <summary>'::: include NAME' puts input/_partials/NAME.md into a page; '::: for-clinicians' sets technical detail apart.</summary>
public class IncludePartialsTests
{
    [Fact]
    public void An_included_partial_is_rendered_in_place_with_a_class_naming_it()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHome.\n"), ("a/page.md", "---\ntitle: Page\n---\nBefore.\n\n::: include crisis\n:::\n\nAfter.\n"));
        site.Write("_partials/crisis.md", "**Get help now.** See [the lines](#crisis-title).\n");
        site.Write("site.yml", "title: T\ncrisis_title: Help\ncrisis_text: Call.\n"); // the footer section the partial links to
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "a/page.html").Content);
        var box = page.QuerySelector(".page-body div.partial-crisis")!;
        Assert.Equal("Get help now. See the lines.", box.TextContent.Trim());
        Assert.Equal("#crisis-title", box.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["Before.", "Get help now. See the lines.", "After."], page.QuerySelectorAll(".page-body p").Select(p => p.TextContent.Trim()));
    }

    [Theory]
    [InlineData("::: include nothing\n:::\n", "there is no partial input/_partials/nothing.md to include; create it, or correct the name.")]
    [InlineData("::: include ../secret\n:::\n", "'::: include' needs the name of a partial in input/_partials/, such as '::: include crisis' for _partials/crisis.md.")]
    public void A_missing_or_bad_partial_name_is_an_error_at_the_block(string block, string message)
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHome.\n"), ("page.md", $"---\ntitle: Page\n---\nText.\n\n{block}"));
        var error = Assert.Single(site.Build(write: false).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("page.md", 6, message), (Path.GetFileName(error.File), error.Line, error.Message));
    }

    [Fact]
    public void A_block_for_clinicians_is_set_apart_with_its_own_class()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHome.\n"), ("page.md", "---\ntitle: Page\n---\nPlain words.\n\n::: for-clinicians\n**For clinicians.** F(1, 20) = 5.16, p = 0.03.\n:::\n"));
        var page = Dom.Parse(site.Build(write: false).Documents.Single(d => d.OutputPath == "page.html").Content);
        Assert.Equal("For clinicians. F(1, 20) = 5.16, p = 0.03.", page.QuerySelector(".page-body div.for-clinicians")!.TextContent.Trim());
    }
}
