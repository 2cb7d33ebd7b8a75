using System.Text.Json;
using SiteGen.Build;
using SiteGen.Checks;
using SiteGen.Content;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Medical;

/// <summary>Medical page metadata: JSON-LD, review dates, citing the page, and new pages.</summary>
public class MedicalPageTests
{
    [Fact]
    public void Each_page_carries_medical_web_page_json_ld_with_review_audience_and_citations()
    {
        using var site = TempSite.CopyOfRealSite();
        var result = SiteBuilder.Build(new BuildOptions(site.Input, site.Output, site.Theme, BaseUrl: "https://example.org/kbpd/"), Log.Silent);
        Assert.Equal(0, result.ExitCode);
        var script = Dom.Parse(site.ReadOutput("evidence/pilot-trial.html")).QuerySelector("script[type='application/ld+json']")!;
        using var json = JsonDocument.Parse(script.TextContent);
        var data = json.RootElement;
        Assert.Equal("MedicalWebPage", data.GetProperty("@type").GetString());
        Assert.Equal("2026-12-02", data.GetProperty("lastReviewed").GetString());
        Assert.False(data.TryGetProperty("reviewedBy", out _)); // no named reviewer yet, and none invented
        Assert.Equal("Patient", data.GetProperty("audience").GetProperty("audienceType").GetString());
        Assert.Equal("https://example.org/kbpd/evidence/pilot-trial.html", data.GetProperty("url").GetString());
        var article = data.GetProperty("citation")[0];
        Assert.Equal("ScholarlyArticle", article.GetProperty("@type").GetString());
        Assert.Equal("https://doi.org/10.1038/s41386-023-01540-4", article.GetProperty("url").GetString());
        Assert.Equal("A pilot randomized controlled trial of ketamine in Borderline Personality Disorder", article.GetProperty("name").GetString());
    }

    [Fact]
    public void Json_ld_cannot_be_broken_out_of_by_a_title()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: \"</script><script>alert(1)</script>\"\n---\nx\n"));
        Assert.Equal(0, site.Build().ExitCode);
        var html = site.ReadOutput("index.html");
        Assert.DoesNotContain("<script>alert", html);
        var data = Dom.Parse(html).QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Equal("</script><script>alert(1)</script>", JsonDocument.Parse(data).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public void Pages_offer_a_citation_in_text_and_bibtex()
    {
        using var site = TempSite.CopyOfRealSite();
        SiteBuilder.Build(new BuildOptions(site.Input, site.Output, site.Theme, BaseUrl: "https://example.org/kbpd/"), Log.Silent);
        var block = Dom.Parse(site.ReadOutput("considerations.html")).QuerySelector("section.cite-page")!;
        Assert.Equal("Ketamine and Borderline Personality Disorder. Practical considerations. Last reviewed 2 December 2026. " +
                     "Available from: https://example.org/kbpd/considerations.html", block.QuerySelector(".cite-text")!.TextContent);
        Assert.StartsWith("@misc{sitegen-considerations-2026,\n  title = {Practical considerations},", block.QuerySelector("pre code")!.TextContent);
        Assert.Null(Dom.Parse(site.ReadOutput("404.html")).QuerySelector("section.cite-page"));
    }

    [Fact]
    public void Check_reports_reviews_due_soon_overdue_missing_or_in_the_future_at_the_reviewed_line()
    {
        using var site = TempSite.WithPages(
            ("index.md", "---\ntitle: Home\nreviewed: 2026-01-10\n---\nx\n"),
            ("old.md", "---\ntitle: Old\nreviewed: 2025-06-01\n---\nx\n"),
            ("soon.md", "---\ntitle: Soon\nreviewed: 2025-12-10\n---\nx\n"),
            ("short.md", "---\ntitle: Short\nreviewed: 2026-06-01\nreview_interval_months: 3\n---\nx\n"),
            ("never.md", "---\ntitle: Never\n---\nx\n"),
            ("future.md", "---\ntitle: Future\nreviewed: 2027-01-01\n---\nx\n"));
        site.Build();
        var findings = SiteChecker.Check(new BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, today: new DateOnly(2026, 11, 23))
            .Diagnostics.Where(d => d.Rule is CheckRule.ReviewOverdue or CheckRule.ReviewDue).ToList();
        Assert.Equal(5, findings.Count);
        var old = Assert.Single(findings, d => d.File.EndsWith("old.md"));
        Assert.Equal("the review was due on 2026-06-01 (12 months after the last, on 2025-06-01); review the page and update 'reviewed'.", old.Message);
        Assert.Equal((Severity.Error, 3), (old.Severity, old.Line));
        var shorter = Assert.Single(findings, d => d.File.EndsWith("short.md"));
        Assert.StartsWith("the review was due on 2026-09-01 (3 months after the last", shorter.Message);
        var soon = Assert.Single(findings, d => d.File.EndsWith("soon.md"));
        Assert.Equal((CheckRule.ReviewDue, Severity.Warning), (soon.Rule, soon.Severity));
        Assert.Equal("the page is due for review on 2026-12-10, in 17 days; plan the review.", soon.Message);
        Assert.Contains(findings, d => d.File.EndsWith("never.md") && d.Message.Contains("no 'reviewed' date") && d.Severity == Severity.Error);
        Assert.Contains(findings, d => d.File.EndsWith("future.md") && d.Message.Contains("in the future"));

        // The site's interval is the default; the older name of the setting still works; severities are the site's.
        site.Write("site.yml", "title: Test\nreview_max_age_months: 6\nchecks:\n  review-overdue: warning\n");
        var stricter = SiteChecker.Check(new BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, today: new DateOnly(2026, 11, 23)).Diagnostics;
        Assert.Contains(stricter, d => d.File.EndsWith("index.md") && d.Rule == CheckRule.ReviewOverdue && d.Severity == Severity.Warning);
    }

    [Fact]
    public void New_creates_a_page_with_complete_front_matter_in_the_right_section_and_order()
    {
        using var site = TempSite.CopyOfRealSite();
        var result = NewPage.Create(site.Input, "evidence/new-study", "A new study: ketamine #2", null, ["Dr A. Example"], new DateOnly(2026, 11, 23));
        Assert.Null(result.Error);
        Assert.Equal(Path.Combine(site.Input, "03-evidence", "04-new-study.md"), result.CreatedPath);
        var text = File.ReadAllText(result.CreatedPath!);
        var (yaml, _, _, _) = FrontMatter.Split(text);
        var diagnostics = new Diagnostics();
        var meta = FrontMatter.Parse(yaml!, "new.md", diagnostics);
        Assert.Empty(diagnostics.All);
        Assert.Equal("A new study: ketamine #2", meta.Title);
        Assert.False(string.IsNullOrWhiteSpace(meta.Description));
        Assert.Equal(new DateOnly(2026, 11, 23), meta.Reviewed);
        Assert.Equal(["Dr A. Example"], meta.Reviewers.Select(r => r.Name));
        Assert.Equal("draft", meta.ReviewStatus); // a draft until checked, and `check` says so

        var build = site.Build();
        Assert.Equal(0, build.ExitCode);
        Assert.Contains(build.Diagnostics, d => d.File.EndsWith("04-new-study.md") && d.Rule == CheckRule.DraftPage);
        var evidence = build.Documents.Single(d => d.OutputPath == "evidence/index.html").Navigation!.Tree.Single(i => i.Link.OutputPath == "evidence/index.html");
        Assert.Equal("evidence/new-study.html", evidence.Children[^1].Link.OutputPath);
    }

    [Fact]
    public void New_refuses_an_existing_page_a_path_outside_input_and_a_page_without_reviewer()
    {
        using var site = TempSite.CopyOfRealSite();
        Assert.Contains("already exists", NewPage.Create(site.Input, "evidence/pilot-trial", "X", null, ["R"], new DateOnly(2026, 1, 1)).Error);
        Assert.Contains("is not a page path", NewPage.Create(site.Input, "../outside", "X", null, ["R"], new DateOnly(2026, 1, 1)).Error);
        Assert.Contains("--reviewer", NewPage.Create(site.Input, "evidence/x", "X", null, [], new DateOnly(2026, 1, 1)).Error);
    }
}
