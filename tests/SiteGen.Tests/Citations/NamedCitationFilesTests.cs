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
        Assert.StartsWith("citations file 'notes.txt' is neither BibTeX (.bib) nor CSL-JSON (.json)", errors[1].Message);
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
}
