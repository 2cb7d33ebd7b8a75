using SiteGen.Tests.Support;

namespace SiteGen.Tests.Citations;

/// <summary>site.yml 'citations' names the citations files, any name, as Quarto's 'bibliography' does.</summary>
public class NamedCitationFilesTests
{
    private const string Page = "---\ntitle: Home\n---\nSee [@a] and [@b].\n";

    [Fact]
    public void Files_named_in_site_yml_are_read_whatever_their_names_and_are_not_published()
    {
        using var site = TempSite.WithPages(("index.md", Page));
        site.Write("site.yml", "title: T\ncitations:\n  - refs/my-library.bib\n  - extra.json\n");
        site.Write("refs/my-library.bib", "@article{a, title = {A study}, doi = {10.1/a}}\n");
        site.Write("extra.json", "[{\"id\":\"b\",\"title\":\"B study\",\"DOI\":\"10.1/b\"}]");
        var result = site.Build();
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Diagnostics);
        Assert.False(File.Exists(Path.Combine(site.Output, "refs", "my-library.bib")));
        Assert.False(File.Exists(Path.Combine(site.Output, "extra.json")));
        Assert.Contains("A study", site.ReadOutput("index.html"));
    }

    [Fact]
    public void A_named_file_that_is_missing_or_of_another_format_is_an_error_at_its_line_in_site_yml()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHello.\n"));
        site.Write("site.yml", "title: T\ncitations:\n  - refs.bib\n  - notes.txt\n");
        site.Write("notes.txt", "not a citations file");
        var errors = site.Build().Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal(("site.yml", 3, 5), (Path.GetFileName(errors[0].File), errors[0].Line, errors[0].Column));
        Assert.Equal("citations file 'refs.bib' not found in the input folder; give its path inside input/, such as 'references.bib'.", errors[0].Message);
        Assert.Equal(4, errors[1].Line);
        Assert.StartsWith("citations file 'notes.txt' is not BibTeX (.bib), CSL-JSON (.json) or CSL-YAML (.yaml)", errors[1].Message);
    }

    [Fact]
    public void A_bibtex_file_under_another_name_gets_a_warning_that_says_how_to_read_it()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHello.\n"));
        site.Write("refs.bib", "@article{a, title = {A study}, doi = {10.1/a}}\n");
        var warning = Assert.Single(site.Build(write: false).Diagnostics);
        Assert.Equal(("refs.bib", Severity.Warning), (Path.GetFileName(warning.File), warning.Severity));
        Assert.Equal("this BibTeX file is not read as the site's citations; name it in site.yml ('citations: refs.bib') or rename it citations.bib.", warning.Message);
    }

    [Fact]
    public void A_csl_yaml_file_as_pandoc_and_quarto_write_it_is_read_like_csl_json()
    {
        using var site = TempSite.WithPages(("index.md", Page));
        site.Write("site.yml", "title: T\ncitations: library.yaml\n");
        site.Write("library.yaml", """
            ---
            references:
            - id: a
              type: article-journal
              author:
              - family: Doe
                given: Jane Q.
              - literal: The Study Group
              title: A yaml study
              container-title: Journal of Tests
              issued:
                date-parts:
                - [2021, 3]
              volume: 4
              page: 10-20
              DOI: 10.1/a
              note: |
                design: RCT
                n: 40
            - id: b
              title: Another one
              issued: 2019-05
              URL: https://example.org/b
            ...
            """);
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Diagnostics);
        var references = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content).QuerySelectorAll("section.references li");
        Assert.Equal("Doe JQ, The Study Group. A yaml study. Journal of Tests. 2021;4:10-20. doi:10.1/a", references[0].TextContent.Split('↩')[0].Trim());
        Assert.StartsWith("Another one. 2019. Available from: https://example.org/b", references[1].TextContent.Trim());
        Assert.Contains("1 randomized trial (n = 40)", result.Documents.Single(d => d.OutputPath == "index.html").Content);
        Assert.DoesNotContain(result.Documents, d => d.OutputPath == "library.yaml");
    }

    [Fact]
    public void A_csl_yaml_file_reports_its_problems_at_their_lines()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHello.\n"));
        site.Write("site.yml", "title: T\ncitations: [list.yml, broken.yaml, other.yaml]\n");
        site.Write("list.yml", "- id: a\n  title: One\n  DOI: 10.1/a\n- title: No id\n- id: a\n  title: Twice\n");
        site.Write("broken.yaml", "- id: b\n  title: [unclosed\n");
        site.Write("other.yaml", "title: not a list\n");
        var errors = site.Build(write: false).Diagnostics.Where(d => d.Severity == Severity.Error)
            .Select(d => (Path.GetFileName(d.File), d.Line, d.Message.Split(';')[0])).ToList();
        Assert.Contains(("list.yml", 4, "citation entry has no \"id\""), errors);
        Assert.Contains(("list.yml", 5, "duplicate citation id 'a' (first defined at list.yml:1)"), errors);
        Assert.Contains(errors, e => e.Item1 == "broken.yaml" && e.Line == 3 && e.Item3.StartsWith("the citations file is not valid YAML", StringComparison.Ordinal));
        Assert.Contains(("other.yaml", 1, "the citations file must be a YAML list of CSL entries, or a 'references:' list of them as Pandoc writes."), errors);
    }
}
