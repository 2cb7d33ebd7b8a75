using SiteGen.Build;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Governance;

/// <summary>site.yml 'feedback_url': every page's "Report a problem" link, and a warning when a patient site has none.</summary>
public class FeedbackTests
{
    [Theory]
    [InlineData("https://github.com/o/r/issues/new?title=Problem%3A%20{title}&body=Page%3A%20{path}", "https://github.com/o/r/issues/new?title=Problem%3A%20Dosing%20%26%20safety&body=Page%3A%20guide%2Fdosing.html")]
    [InlineData("mailto:editors@example.org?subject={title}", "mailto:editors@example.org?subject=Dosing%20%26%20safety")]
    public void Each_page_links_the_feedback_address_with_its_own_path_and_title(string setting, string expected)
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"), ("guide/dosing.md", "---\ntitle: Dosing & safety\nreviewed: 2026-01-01\n---\nText.\n"));
        site.Write("site.yml", $"title: Test site\nlanguage: en\nfeedback_url: \"{setting}\"\n");
        var result = site.Build(write: false);
        var link = Dom.Parse(result.Documents.Single(d => d.OutputPath == "guide/dosing.html").Content).QuerySelector("a.report-link")!;
        Assert.Equal(expected, link.GetAttribute("href"));
        Assert.Equal("Report a problem with this page", link.TextContent);
    }

    [Fact]
    public void A_feedback_address_that_is_not_web_or_mail_is_an_error_at_its_line()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        site.Write("site.yml", "title: Test site\nlanguage: en\nfeedback_url: javascript:alert({title})\n");
        var error = Assert.Single(site.Build(write: false).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(3, error.Line);
        Assert.Contains("feedback_url must be an https:// or mailto: address", error.Message);
    }

    [Fact]
    public void Check_warns_when_a_patient_site_gives_readers_no_way_to_report_a_problem()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\nreviewed: 2026-11-01\n---\nText.\n"));
        site.Build();
        var check = SiteChecker.Check(new BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, new DateOnly(2026, 12, 2));
        var warning = Assert.Single(check.Diagnostics, d => d.Rule == CheckRule.FeedbackRoute);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Contains("set 'feedback_url' in site.yml", warning.Message);
        site.Write("site.yml", "title: Test site\nlanguage: en\naudience: Clinician\n");
        Assert.DoesNotContain(SiteChecker.Check(new BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, new DateOnly(2026, 12, 2)).Diagnostics,
            d => d.Rule == CheckRule.FeedbackRoute);
    }
}
