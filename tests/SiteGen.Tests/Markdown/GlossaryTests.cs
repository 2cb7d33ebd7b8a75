using SiteGen.Tests.Support;

namespace SiteGen.Tests.Markdown;

/// <summary>The site's glossary: first uses of terms link to a generated glossary page with the definition as a tooltip, and abbreviations nobody explains are listed.</summary>
public class GlossaryTests
{
    private const string Glossary = """
        - term: off-label
          definition: Used in a way its licence does not cover.
        - term: TRD
          aliases: [treatment-resistant depression]
          definition: Depression that has not got better after two antidepressants.
          cite: a
        """;

    private static TempSite Site(string page, string glossary = Glossary)
    {
        var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nSee [@a].\n"), ("sub/page.md", page));
        site.Write("citations.json", "[{\"id\":\"a\",\"title\":\"A\",\"DOI\":\"10.1/a\",\"author\":[{\"family\":\"Ames\"}],\"issued\":{\"date-parts\":[[2020]]}}]");
        site.Write("_data/glossary.yml", glossary);
        return site;
    }

    [Fact]
    public void The_first_use_of_each_term_links_to_the_glossary_with_its_definition_as_a_tooltip()
    {
        using var site = Site("---\ntitle: Page\n---\n## Off-label use\n\nKetamine is used off-label. It is off-label again. Some have TRD, and [off-label](../index.md) in a link.\n\n| a |\n|---|\n| TRD |\n");
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "sub/page.html").Content);
        var terms = page.QuerySelectorAll("a.glossary-term");
        Assert.Equal(["off-label", "TRD"], terms.Select(t => t.TextContent));                      // once each, not in the heading, link or table
        Assert.Equal("../glossary.html#term-off-label", terms[0].GetAttribute("href"));
        Assert.Equal("dfn", terms[0].FirstElementChild!.LocalName);
        Assert.Equal("abbr", terms[1].FirstElementChild!.LocalName);
        var tip = page.GetElementById(terms[0].GetAttribute("aria-describedby")!)!;
        Assert.Equal(("tooltip", "Used in a way its licence does not cover."), (tip.GetAttribute("role"), tip.TextContent));
        Assert.Equal("Ketamine is used off-label. It is off-label again. Some have TRD, and off-label in a link.",
            page.QuerySelector(".page-body p")!.TextContent.Replace(tip.TextContent, "").Replace(page.GetElementById("term-trd-tip")!.TextContent, ""));
    }

    [Fact]
    public void The_glossary_page_lists_every_term_with_its_source_which_counts_as_cited()
    {
        using var site = Site("---\ntitle: Page\n---\nText.\n");
        site.Write("index.md", "---\ntitle: Home\n---\nNo citation here.\n");
        var result = site.Build(write: false);
        Assert.DoesNotContain(result.Diagnostics, d => d.Rule == "unused-citation");
        var glossary = Dom.Parse(result.Documents.Single(d => d.OutputPath == "glossary.html").Content);
        Assert.Equal(["term-off-label", "term-trd"], glossary.QuerySelectorAll(".glossary h2").Select(h => h.Id));
        Assert.Equal("TRD (also treatment-resistant depression)", glossary.QuerySelector("h2#term-trd")!.TextContent);
        Assert.Equal("references.html#ref-a", glossary.QuerySelector("h2#term-trd + p a")!.GetAttribute("href"));
    }

    [Fact]
    public void Abbreviations_on_patient_pages_that_nobody_explains_are_listed()
    {
        using var site = Site("---\ntitle: Page\n---\nThe FDA and the NMDA receptor (NMDA) and TRD and NHS and Schedule III and NCT0123 apply.\n\n::: for-clinicians\nGABA is fine here.\n:::\n");
        var warning = Assert.Single(site.Build(write: false).Diagnostics);
        Assert.Equal(("page.md", "undefined-term"), (Path.GetFileName(warning.File), warning.Rule));
        Assert.StartsWith("FDA, NHS are not in the glossary (_data/glossary.yml) and not spelled out on this page;", warning.Message);
    }

    [Theory]
    [InlineData("The F*D*A says so.", "FDA")]                  // split by markup, read as one word
    [InlineData("See the [NHS](https://example.org/) site.", "NHS")]
    [InlineData("Nothing in capitals here, only Ab and AB.", null)]
    public void An_abbreviation_is_found_however_the_page_marks_it_up(string body, string? listed)
    {
        using var site = Site($"---\ntitle: Page\n---\n{body}\n");
        var warnings = site.Build(write: false).Diagnostics.Where(d => d.Rule == "undefined-term").ToList();
        if (listed is null) Assert.Empty(warnings);
        else Assert.StartsWith($"{listed} is not in the glossary", Assert.Single(warnings).Message);
    }

    [Theory]
    [InlineData("- term: x\n  defintion: y\n", 2, "glossary entries have no field 'defintion' (did you mean 'definition'?).")]
    [InlineData("- term: x\n  definition: y\n  cite: nobody\n", 1, "glossary entry 'x' cites 'nobody', which is not in the citations file.")]
    [InlineData("- term: x\n  definition: y\n- term: X\n  definition: z\n", 3, "'X' is already in the glossary (line 1); give each name one entry.")]
    [InlineData("term: x\n", 1, "the glossary must be a list of entries, each starting '- term: ...'.")]
    public void A_bad_glossary_is_an_error_at_its_line(string glossary, int line, string message)
    {
        using var site = Site("---\ntitle: Page\n---\nText.\n", glossary);
        var error = Assert.Single(site.Build(write: false).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("glossary.yml", line, message), (Path.GetFileName(error.File), error.Line, error.Message));
    }
}
