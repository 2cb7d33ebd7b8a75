using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Citations;

/// <summary>```evidence-map and ```forest-plot: inline SVG drawn from the references' notes, with the same data as a table.</summary>
public class EvidenceChartTests
{
    private const string Citations = """
        [
        {"id":"trial","title":"A trial","author":[{"family":"Fineberg","given":"S"}],"issued":{"date-parts":[[2023]]},"URL":"https://example.org/1","note":"design: pilot RCT\nn: 22\ncondition: BPD\neffect: SMD -0.40 (-1.10 to 0.30)\neffect-outcome: suicidal ideation"},
        {"id":"series","title":"A series","author":[{"family":"Danayan","given":"K"}],"issued":{"date-parts":[[2023]]},"URL":"https://example.org/2","note":"design: case series\nn: 100\ncondition: BPD"},
        {"id":"depression","title":"A meta-analysis","author":[{"family":"Newport","given":"D"}],"issued":{"date-parts":[[2015]]},"URL":"https://example.org/3","note":"design: meta-analysis\nn: 147\ncondition: depression\neffect: OR 9.87 (4.37 to 22.29)\neffect-outcome: response at 24 hours"},
        {"id":"guide","title":"A guideline","author":[{"literal":"NICE"}],"issued":{"date-parts":[[2009]]},"URL":"https://example.org/4","note":"design: guideline"}
        ]
        """;

    private static TempSite Site(string body)
    {
        var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\n" + body));
        site.Write("site.yml", "title: Test site\nlanguage: en\nevidence_focus: BPD\n");
        site.Write("citations.json", Citations);
        return site;
    }

    [Fact]
    public void An_evidence_map_draws_one_linked_mark_per_study_by_design_and_year_with_the_data_as_a_table()
    {
        using var site = Site("Studies [@trial; @series; @depression; @guide].\n\n```evidence-map\n```\n");
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content);
        var svg = page.QuerySelector("figure.evidence-map svg")!;
        Assert.Equal("Evidence map", svg.QuerySelector("title")!.TextContent);
        Assert.Contains("Circles are studies in BPD, squares studies in other conditions", svg.QuerySelector("desc")!.TextContent);
        var marks = svg.QuerySelectorAll("a").ToList();
        Assert.Equal(3, marks.Count); // the guideline is not a study
        Assert.Equal(["#ref-depression", "#ref-trial", "#ref-series"], marks.Select(a => a.GetAttribute("href"))); // strongest design first
        Assert.Equal("Newport 2015, meta-analysis, n = 147, depression", marks[0].GetAttribute("aria-label"));
        Assert.NotNull(marks[0].QuerySelector("rect.mark-other"));   // another condition: a square
        Assert.NotNull(marks[1].QuerySelector("circle.mark-focus")); // the site's condition: a circle
        var (small, large) = (double.Parse(marks[1].QuerySelector("circle")!.GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture),
                              double.Parse(marks[2].QuerySelector("circle")!.GetAttribute("r")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(large > small); // sized by participants
        Assert.Equal(3, page.QuerySelectorAll("figure.evidence-map table.chart-data tbody tr").Length);
        Assert.Equal(result.Documents.Single(d => d.OutputPath == "index.html").Content, site.Build(write: false).Documents.Single(d => d.OutputPath == "index.html").Content);
    }

    [Fact]
    public void A_forest_plot_draws_each_reported_effect_around_the_line_of_no_effect_and_computes_none()
    {
        using var site = Site("Studies [@trial; @depression].\n\n```forest-plot\noutcome: suicidal ideation\n```\n\n```forest-plot\ncite: depression\n```\n");
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        var plots = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content).QuerySelectorAll("figure.forest-plot").ToList();
        Assert.Equal(2, plots.Count);
        var difference = plots[0];
        Assert.Equal("Reported effects: suicidal ideation", difference.QuerySelector("svg title")!.TextContent);
        var row = Assert.Single(difference.QuerySelectorAll("svg a"));
        Assert.Equal("Fineberg 2023: SMD −0.40 (−1.10 to 0.30), suicidal ideation", row.GetAttribute("aria-label"));
        var noEffect = double.Parse(difference.QuerySelector(".chart-no-effect")!.GetAttribute("x1")!, System.Globalization.CultureInfo.InvariantCulture);
        var (low, high) = (double.Parse(row.QuerySelector(".chart-interval")!.GetAttribute("x1")!, System.Globalization.CultureInfo.InvariantCulture),
                           double.Parse(row.QuerySelector(".chart-interval")!.GetAttribute("x2")!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(noEffect, low, high); // the interval crosses no effect
        Assert.NotNull(row.QuerySelector("rect.mark"));
        var ratio = plots[1];
        Assert.Contains("log scale", ratio.QuerySelector("svg desc")!.TextContent);
        Assert.NotNull(ratio.QuerySelector("polygon.mark-pooled")); // a meta-analysis reports a pooled estimate: a diamond
        Assert.Equal("OR 9.87 (4.37 to 22.29)", ratio.QuerySelector("table.chart-data td:nth-child(3)")!.TextContent);
    }

    [Fact]
    public void A_chart_with_nothing_to_draw_says_so_and_warns_and_bad_input_is_an_error_at_its_line()
    {
        using var site = Site("Text [@guide].\n\n```forest-plot\n```\n\n```evidence-map\ncite: guide\nshape: round\n```\n");
        var result = site.Build(write: false);
        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content);
        Assert.Equal("No reported effect to plot here.", page.QuerySelector("p.chart-empty")!.TextContent);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Warning && d.Line == 6 && d.Message.StartsWith("the forest plot has nothing to show", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Warning && d.Line == 9 && d.Message.StartsWith("the evidence map has no study to show", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.Line == 11 && d.Message.Contains("'shape: round' is not an option of a evidence-map block"));
        Assert.Null(page.QuerySelector("figure svg"));
    }

    [Theory]
    [InlineData("effect: SMD -0.52", "is not a measure, the estimate and its 95% confidence interval")]
    [InlineData("effect: SMD -0.52 (-0.30 to -0.10)", "the low and high ends around the estimate")]
    [InlineData("effect: OR 2.0 (0 to 3.1)", "is not a measure")]
    [InlineData("effect: risk 0.5 (0.2 to 0.9)", "is not a measure")]
    public void An_effect_that_does_not_parse_is_an_error_at_the_entrys_line(string effect, string message)
    {
        using var site = Site("Text [@trial].\n");
        site.Write("citations.json", "[\n{\"id\":\"trial\",\"title\":\"A trial\",\"URL\":\"https://example.org/1\",\"note\":\"design: RCT\\n" + effect + "\"}\n]\n");
        var error = Assert.Single(site.Build(write: false).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(2, error.Line);
        Assert.EndsWith("citations.json", error.File);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void The_effect_form_reads_differences_and_ratios_as_written()
    {
        var smd = EffectEstimate.Parse("SMD −0.52 (95% CI −0.70 to −0.33)")!;
        Assert.Equal(("SMD", -0.52, -0.70, -0.33, 0.0), (smd.Measure, smd.Estimate, smd.Low, smd.High, smd.NoEffect));
        Assert.Equal("SMD −0.52 (−0.70 to −0.33)", smd.Text());
        var or = EffectEstimate.Parse("OR 9.87 (4.37, 22.29)")!;
        Assert.True(or.IsRatio);
        Assert.Equal(1.0, or.NoEffect);
    }
}
