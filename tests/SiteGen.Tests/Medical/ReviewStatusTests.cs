using SiteGen.Build;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Medical;

/// <summary>Accountability on every page: who reviewed it, in what role, how far its review has gone, and where to report a problem.</summary>
public class ReviewStatusTests
{
    [Fact]
    public void Reviewers_with_role_and_credentials_and_the_review_status_show_beside_the_review_date()
    {
        using var site = TempSite.WithPages(("index.md", """
            ---
            title: Home
            reviewed: 2026-03-04
            reviewers:
              - name: A. Example
                credentials: MD
                role: clinical reviewer
              - The editors
            review_status: clinician-reviewed
            ---
            Text.
            """));
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        var meta = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content).QuerySelector(".page-meta")!;
        Assert.Equal("Last reviewed 4 March 2026 by A. Example, MD (clinical reviewer); The editors. Next review due 4 March 2027. Reviewed by a clinician.", meta.TextContent);
        Assert.NotNull(meta.QuerySelector(".review-status.review-status-clinician-reviewed"));
    }

    [Fact]
    public void A_patient_page_published_as_a_draft_is_a_warning_and_strict_fails_it()
    {
        using var site = TempSite.WithPages(
            ("index.md", "---\ntitle: Home\nreview_status: draft\n---\nText.\n"),
            ("pro.md", "---\ntitle: Pro\naudience: Clinician\nreview_status: draft\n---\nText.\n"));
        site.Write("site.yml", "title: T\naudience: Patient\n");
        var result = site.Build(write: false);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("index.md", "draft-page", Severity.Warning), (Path.GetFileName(warning.File), warning.Rule, warning.Severity));
        var strict = SiteBuilder.Build(new BuildOptions(site.Input, site.Output, site.Theme, Strict: true), Log.Silent, write: false);
        Assert.NotEqual(0, strict.ExitCode);
    }

    [Fact]
    public void An_unknown_review_status_or_reviewer_field_is_an_error_with_a_suggestion()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\nreview_status: clinician-reviwed\nreviewers:\n  - name: X\n    credential: MD\n---\nText.\n"));
        var errors = site.Build(write: false).Diagnostics.Select(d => (d.Line, d.Message)).ToList();
        Assert.Contains((3, "review_status 'clinician-reviwed' is not known; use one of draft, editor-checked, clinician-reviewed (did you mean 'clinician-reviewed'?)."), errors);
        Assert.Contains((6, "'reviewers' entries have no field 'credential' (did you mean 'credentials'?)"), errors);
    }

    [Fact]
    public void With_a_GitHub_repository_each_page_links_to_a_new_issue_titled_with_the_page()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home & more\nreviewed: 2026-03-04\n---\nText.\n"));
        var result = SiteBuilder.Build(new BuildOptions(site.Input, site.Output, site.Theme, Repository: "https://github.com/example/site"), Log.Silent, write: false);
        var link = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content).QuerySelector("a.report-link")!;
        Assert.Equal("https://github.com/example/site/issues/new?title=Problem%20on%20the%20page%20%E2%80%9CHome%20%26%20more%E2%80%9D", link.GetAttribute("href"));
        Assert.Equal("Report a problem with this page", link.TextContent);
        Assert.Contains("href=\"https://github.com/example/site\"", result.Documents.Single(d => d.OutputPath == "index.html").Content);
    }
}
