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
    public void Check_warns_about_reviews_older_than_the_limit_missing_or_in_the_future()
    {
        using var site = TempSite.WithPages(
            ("index.md", "---\ntitle: Home\nreviewed: 2026-01-10\n---\nx\n"),
            ("old.md", "---\ntitle: Old\nreviewed: 2025-06-01\n---\nx\n"),
            ("never.md", "---\ntitle: Never\n---\nx\n"),
            ("future.md", "---\ntitle: Future\nreviewed: 2027-01-01\n---\nx\n"));
        site.Build();
        var findings = SiteChecker.Check(new BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, today: new DateOnly(2026, 11, 23))
            .Diagnostics.Where(d => d.Rule == CheckRule.ReviewOverdue).ToList();
        Assert.Equal(3, findings.Count);
        Assert.Contains(findings, d => d.File.EndsWith("old.md") && d.Message.StartsWith("last reviewed on 2025-06-01, more than 12 months ago"));
        Assert.Contains(findings, d => d.File.EndsWith("never.md") && d.Message.Contains("no 'reviewed' date"));
        Assert.Contains(findings, d => d.File.EndsWith("future.md") && d.Message.Contains("in the future"));
        Assert.All(findings, d => Assert.Equal(Severity.Warning, d.Severity));

        site.Write("site.yml", "title: Test\nreview_max_age_months: 6\n");
        var stricter = SiteChecker.Check(new BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, today: new DateOnly(2026, 11, 23)).Diagnostics;
        Assert.Contains(stricter, d => d.File.EndsWith("index.md") && d.Rule == CheckRule.ReviewOverdue);
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
