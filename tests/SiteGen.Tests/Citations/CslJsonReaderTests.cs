using System.Text;
using SiteGen.Citations;
using SiteGen.Engine;

namespace SiteGen.Tests.Citations;

public class CslJsonReaderTests
{
    // The shape Zotero writes with "Export Collection > CSL JSON": extra fields land in "note".
    private const string ZoteroExport = """
        [
          {
            "id": "http://zotero.org/users/1/items/ABCD1234",
            "type": "article-journal",
            "title": "A pilot randomized controlled trial of ketamine in Borderline Personality Disorder",
            "container-title": "Neuropsychopharmacology",
            "page": "991-999",
            "volume": "48",
            "issue": "7",
            "source": "PubMed",
            "DOI": "10.1038/s41386-023-01540-4",
            "ISSN": "1740-634X",
            "note": "PMID: 36804489\ndesign: pilot RCT\nn: 22",
            "author": [
              { "family": "Fineberg", "given": "Sarah K." },
              { "family": "Choi", "given": "Eun Y." }
            ],
            "issued": { "date-parts": [["2023", 6]] }
          },
          {
            "id": "who2020",
            "type": "report",
            "title": "A report",
            "author": [{ "literal": "World Health Organization" }],
            "publisher": "WHO",
            "issued": { "raw": "2020-03" },
            "URL": "https://example.org/report"
          }
        ]
        """;

    [Fact]
    public void Reads_a_zotero_style_export()
    {
        var diagnostics = new Diagnostics();
        var references = CslJsonReader.Read(Encoding.UTF8.GetBytes(ZoteroExport), "citations.json", diagnostics);
        Assert.Empty(diagnostics.All);
        var trial = references[0];
        Assert.Equal("A pilot randomized controlled trial of ketamine in Borderline Personality Disorder", trial.Title);
        Assert.Equal([new PersonName("Fineberg", "Sarah K."), new PersonName("Choi", "Eun Y.")], trial.Authors);
        Assert.Equal(("48", "7", "991-999", 2023, 6), (trial.Volume, trial.Issue, trial.Page, trial.Year, trial.Month));
        Assert.Equal("10.1038/s41386-023-01540-4", trial.Doi);
        Assert.Equal("36804489", trial.Pmid); // from the note, where Zotero keeps it
        Assert.Equal("pilot RCT", trial.Evidence.Design!.Name);
        Assert.Equal(22, trial.Evidence.N);
        Assert.Equal(2, trial.SourceLine);
        var report = references[1];
        Assert.Equal("World Health Organization", report.Authors.Single().Literal);
        Assert.Equal(2020, report.Year);
        Assert.Equal(20, report.SourceLine);
    }

    [Fact]
    public void Malformed_json_is_reported_at_its_line_and_column()
    {
        var diagnostics = new Diagnostics();
        CslJsonReader.Read("[\n  {\"id\": \"a\",\n   \"title\" \"missing colon\"}\n]"u8.ToArray(), "citations.json", diagnostics);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal((3, 12), (error.Line, error.Column));
        Assert.StartsWith("the citations file is not valid JSON", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_an_array_is_an_error()
    {
        var diagnostics = new Diagnostics();
        CslJsonReader.Read("{\"id\": \"a\"}"u8.ToArray(), "citations.json", diagnostics);
        Assert.Contains("must be a JSON array", Assert.Single(diagnostics.All).Message);
    }

    [Fact]
    public void An_entry_without_an_id_is_an_error_at_its_line()
    {
        var diagnostics = new Diagnostics();
        var references = CslJsonReader.Read("[\n{\"id\": \"a\", \"title\": \"A\"},\n{\"title\": \"B\"}\n]"u8.ToArray(), "citations.json", diagnostics);
        Assert.Single(references);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal(3, error.Line);
        Assert.Contains("has no \"id\"", error.Message);
    }
}
