using SiteGen.Citations;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Citations;

public class CitationLibraryTests
{
    private static (CitationLibrary Library, Diagnostics Diagnostics) Load(string? json, string? bib)
    {
        using var site = TempSite.WithPages();
        if (json is not null) site.Write("citations.json", json);
        if (bib is not null) site.Write("citations.bib", bib);
        var diagnostics = new Diagnostics();
        return (LoadCitations.Load(new SitePaths(site.Input, site.Theme, site.Output), diagnostics), diagnostics);
    }

    [Fact]
    public void Json_and_bibtex_entries_are_read_into_one_library()
    {
        var (library, diagnostics) = Load("[{\"id\": \"a\", \"title\": \"A\", \"DOI\": \"10.1/a\"}]", "@article{b, title = {B}, doi = {10.1/b}}");
        Assert.Empty(diagnostics.All);
        Assert.Equal(["a", "b"], library.Ids.Order());
    }

    [Fact]
    public void Duplicate_ids_are_errors_naming_both_places()
    {
        var (_, diagnostics) = Load("[{\"id\": \"a\", \"title\": \"A\", \"DOI\": \"10.1/a\"},\n{\"id\": \"a\", \"title\": \"Again\", \"DOI\": \"10.1/b\"}]", null);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(2, error.Line);
        Assert.Contains("duplicate citation id 'a' (first defined at citations.json:1)", error.Message);
    }

    [Fact]
    public void An_entry_without_doi_pmid_or_url_gets_a_warning()
    {
        var (_, diagnostics) = Load("[{\"id\": \"a\", \"title\": \"A\"}]", null);
        var warning = Assert.Single(diagnostics.All);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("has no DOI, PMID or URL", warning.Message);
    }

    [Fact]
    public void An_unknown_design_gets_a_warning_with_a_suggestion()
    {
        var (_, diagnostics) = Load("[{\"id\": \"a\", \"title\": \"A\", \"DOI\": \"10.1/a\", \"note\": \"design: pilot rtc\"}]", null);
        Assert.Contains("unknown design 'pilot rtc' (did you mean 'pilot RCT'?)", Assert.Single(diagnostics.All).Message);
    }
}
