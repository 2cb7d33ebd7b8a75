using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Citations;

/// <summary>Citations through a whole build: errors, reference lists, summary, and the generated pages.</summary>
public class CitationBuildTests
{
    private const string Library = """
        [
          {"id": "fineberg2023", "type": "article-journal", "title": "A pilot randomized controlled trial of ketamine in Borderline Personality Disorder",
           "author": [{"family": "Fineberg", "given": "Sarah K."}, {"family": "Choi", "given": "Eun Y."}, {"family": "Krystal", "given": "John H."}],
           "container-title": "Neuropsychopharmacology", "volume": "48", "issue": "7", "page": "991-999", "issued": {"date-parts": [[2023]]},
           "DOI": "10.1038/s41386-023-01540-4", "PMID": "36804489",
           "note": "design: pilot RCT\nn: 22\npopulation: adults with BPD\ncomparator: midazolam\nfinding: no significant difference"},
          {"id": "storebo2020", "type": "article-journal", "title": "Psychological therapies for people with borderline personality disorder",
           "author": [{"family": "Storebø", "given": "Ole J."}], "container-title": "Cochrane Database of Systematic Reviews", "issued": {"date-parts": [[2020]]},
           "DOI": "10.1002/14651858.CD012955.pub2", "note": "design: systematic review"},
          {"id": "case2022", "type": "article-journal", "title": "<script>alert('x')</script> A case", "author": [{"family": "Nandan", "given": "N."}],
           "issued": {"date-parts": [[2022]]}, "DOI": "10.7759/cureus.24632", "note": "design: case report\nn: 1"},
          {"id": "unused2001", "type": "article-journal", "title": "Nobody cites this", "issued": {"date-parts": [[2001]]}, "DOI": "10.1/unused"}
        ]
        """;

    private static TempSite Site(string page = "---\ntitle: Evidence\n---\n## Studies\n\nA trial [@fineberg2023], reviews [@storebo2020; @fineberg2023] and a case [@case2022].\n")
    {
        var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nWelcome.\n"), ("evidence.md", page));
        site.Write("citations.json", Library);
        return site;
    }

    [Fact]
    public void A_typo_in_a_key_fails_the_build_with_file_line_column_and_a_suggestion()
    {
        using var site = Site("---\ntitle: Evidence\n---\nIntro.\n\nThe trial [@finberg2023] was small.\n");
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.EndsWith("evidence.md:6:11: error: unknown citation 'finberg2023' (did you mean 'fineberg2023'?)", error.ToString());
    }

    [Fact]
    public void Each_page_ends_with_its_references_linked_both_ways()
    {
        using var site = Site();
        Assert.Equal(0, site.Build().ExitCode);
        var page = Dom.Parse(site.ReadOutput("evidence.html"));
        var entries = page.QuerySelectorAll("section.references ol li");
        Assert.Equal(["ref-fineberg2023", "ref-storebo2020", "ref-case2022"], entries.Select(e => e.Id));
        Assert.Equal(["#cite-1-1", "#cite-1-2"], entries[0].QuerySelectorAll(".backlinks a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["↩Back to citation 1", "↩Back to citation 2"], entries[0].QuerySelectorAll(".backlinks a").Select(a => a.TextContent));
        Assert.Equal("↩Back to the citation", entries[1].QuerySelector(".backlinks a")!.TextContent);
        foreach (var marker in page.QuerySelectorAll("a.citation-link"))
            Assert.NotNull(page.GetElementById(marker.GetAttribute("href")![1..]));
        Assert.Equal("https://doi.org/10.1038/s41386-023-01540-4", entries[0].QuerySelector("a[href^='https://doi.org']")!.GetAttribute("href"));
        Assert.Equal("https://pubmed.ncbi.nlm.nih.gov/36804489/", entries[0].QuerySelector("a[href*='pubmed']")!.GetAttribute("href"));
        Assert.Contains("#references", page.QuerySelectorAll(".toc a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Markers_carry_a_preview_of_the_reference_without_any_script()
    {
        using var site = Site();
        site.Build();
        var page = Dom.Parse(site.ReadOutput("evidence.html"));
        var marker = page.QuerySelector("a.citation-link")!;
        var preview = page.GetElementById(marker.GetAttribute("aria-describedby")!)!;
        Assert.Equal("tooltip", preview.GetAttribute("role"));
        Assert.StartsWith("Fineberg SK, Choi EY, Krystal JH. A pilot randomized", preview.TextContent);
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
    }

    [Fact]
    public void The_callout_summarises_the_evidence_the_page_cites()
    {
        using var site = Site();
        site.Build();
        var summary = Dom.Parse(site.ReadOutput("evidence.html")).QuerySelector("aside.evidence-limitations .evidence-summary")!;
        Assert.Equal("This page cites 1 systematic review, 1 randomized trial (n = 22) and 1 case report.", summary.TextContent);
        var home = Dom.Parse(site.ReadOutput("index.html")).QuerySelector("aside.evidence-limitations .evidence-summary")!;
        Assert.Equal("This page cites no studies.", home.TextContent);
    }

    [Fact]
    public void Titles_from_the_citations_file_are_shown_as_text()
    {
        using var site = Site();
        site.Build();
        var html = site.ReadOutput("evidence.html");
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("&lt;script&gt;alert('x')&lt;/script&gt; A case", html);
        Assert.DoesNotContain("<script>alert", site.ReadOutput("references.html"));
    }

    [Fact]
    public void The_references_page_lists_every_entry_once_by_first_author_with_the_pages_citing_it()
    {
        using var site = Site();
        var result = site.Build();
        var page = Dom.Parse(site.ReadOutput("references.html"));
        // Not numbered: each page numbers its own citations, and a second numbering here would not match them.
        Assert.Null(page.QuerySelector("ol.all-references"));
        var entries = page.QuerySelectorAll("ul.all-references > li");
        Assert.Equal(["ref-fineberg2023", "ref-case2022", "ref-unused2001", "ref-storebo2020"], entries.Select(e => e.Id)); // Fineberg, Nandan, (title) Nobody…, Storebø
        Assert.Equal("evidence.html#ref-fineberg2023", entries[0].QuerySelector(".cited-by a")!.GetAttribute("href"));
        Assert.Null(entries[2].QuerySelector(".cited-by"));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("citation 'unused2001' is not cited by any page; cite it or remove it from the citations file.", warning.Message);
    }

    [Fact]
    public void The_evidence_table_lists_each_study_with_design_n_population_comparator_and_finding()
    {
        using var site = Site();
        site.Build();
        var rows = Dom.Parse(site.ReadOutput("evidence-table.html")).QuerySelectorAll("table.evidence-table tbody tr:not(.design-group)");
        var cells = rows.Select(r => r.Children.Select(c => c.TextContent).ToArray()).ToList();
        Assert.Equal(["Storebø (2020)", "systematic review", "–", "–", "–", "–", "–", "–"], cells[0]);
        Assert.Equal(["Fineberg et al. (2023)", "pilot RCT", "22", "adults with BPD", "midazolam", "–", "no significant difference", "–"], cells[1]);
        Assert.Equal("Nandan (2022)", cells[2][0]);
        Assert.Equal(3, rows.Length); // the entry without a design is not a study
    }

    [Fact]
    public void Author_year_style_is_a_site_option()
    {
        using var site = Site();
        site.Write("site.yml", "title: Test\ncitation_style: author-year\n");
        Assert.Equal(0, site.Build().ExitCode);
        var page = Dom.Parse(site.ReadOutput("evidence.html"));
        Assert.Equal("(Fineberg et al., 2023)", page.QuerySelector(".citation")!.TextContent.Split("Fineberg SK")[0] + ")");
        Assert.NotNull(page.QuerySelector("section.references ul.reference-list"));
    }

    [Fact]
    public void A_citations_file_that_is_not_json_fails_with_its_position()
    {
        using var site = Site();
        site.Write("citations.json", "[\n  {\"id\": \"a\",,}\n]");
        var result = site.Build();
        Assert.Equal(1, result.ExitCode);
        var error = Assert.Single(result.Diagnostics);
        Assert.EndsWith("citations.json", error.File);
        Assert.Equal(2, error.Line);
    }
}
