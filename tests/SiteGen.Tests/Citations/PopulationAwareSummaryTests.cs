using SiteGen.Tests.Support;

namespace SiteGen.Tests.Citations;

/// <summary>The callout's evidence line and the evidence table keep studies of different conditions apart and never add up participants.</summary>
public class PopulationAwareSummaryTests
{
    private const string Citations = """
        [{"id":"pilot","title":"Pilot","DOI":"10.1/p","author":[{"family":"Fine"}],"issued":{"date-parts":[[2023]]},"note":"design: pilot RCT\nn: 22\ncondition: BPD\nfollow-up: 28 days\ncertainty: very low\nfinding: no difference"},
         {"id":"big","title":"Big","DOI":"10.1/b","author":[{"family":"Popo"}],"issued":{"date-parts":[[2019]]},"note":"design: RCT\nn: 227\ncondition: depression\ncertainty: moderate"},
         {"id":"other","title":"Other","DOI":"10.1/o","author":[{"family":"Murr"}],"issued":{"date-parts":[[2013]]},"note":"design: RCT\nn: 73\ncondition: depression"},
         {"id":"rev","title":"Review","DOI":"10.1/r","author":[{"family":"Stoff"}],"issued":{"date-parts":[[2022]]},"note":"design: systematic review\ncertainty: sure"}]
        """;

    private static TempSite Site(string settings)
    {
        var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nA [@pilot], B [@big], C [@other], D [@rev].\n"));
        site.Write("site.yml", settings);
        site.Write("citations.json", Citations);
        return site;
    }

    [Fact]
    public void The_callout_groups_by_design_and_condition_with_each_studys_own_n()
    {
        using var site = Site("title: T\nlanguage: en-GB\nevidence_focus: BPD\n");
        var result = site.Build(write: false);
        var summary = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content).QuerySelector(".evidence-summary")!.TextContent;
        Assert.Equal("This page cites 1 systematic review, 1 randomised trial in BPD (n = 22) and 2 randomised trials in depression (n = 227 and 73).", summary);
        Assert.DoesNotContain("300", summary);
        // A certainty that is not a GRADE word is reported at its entry.
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal("citation 'rev' has certainty 'sure'; use a GRADE word: high, moderate, low, very low.", warning.Message);
    }

    [Fact]
    public void The_evidence_table_puts_the_focus_conditions_studies_first_with_follow_up_and_certainty()
    {
        using var site = Site("title: T\nevidence_focus: BPD\n");
        var table = Dom.Parse(site.Build(write: false).Documents.Single(d => d.OutputPath == "evidence-table.html").Content);
        Assert.Equal(["Studies in BPD", "Other evidence this site cites"], table.QuerySelectorAll("h2#focus, h2#other").Select(h => h.TextContent));
        var focusRows = table.QuerySelectorAll("h2#focus + .table-scroll-hint + .table-scroll tbody tr:not(.design-group)");
        var pilot = Assert.Single(focusRows).QuerySelectorAll("th, td").Select(c => c.TextContent).ToList();
        Assert.Equal(["Fine (2023)", "pilot RCT", "22", "–", "–", "28 days", "no difference", "very low"], pilot);
        Assert.Equal(3, table.QuerySelectorAll("h2#other + .table-scroll-hint + .table-scroll tbody tr:not(.design-group)").Length);
    }

    [Fact]
    public void Without_a_focus_the_table_is_one_list_and_american_spelling_is_the_default()
    {
        using var site = Site("title: T\n");
        var result = site.Build(write: false);
        Assert.Empty(Dom.Parse(result.Documents.Single(d => d.OutputPath == "evidence-table.html").Content).QuerySelectorAll("h2#focus, h2#other"));
        Assert.Contains("2 randomized trials in depression (n = 227 and 73)", result.Documents.Single(d => d.OutputPath == "index.html").Content);
    }
}
