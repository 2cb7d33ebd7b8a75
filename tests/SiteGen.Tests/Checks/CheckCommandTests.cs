using System.Text.Json;
using System.Xml.Linq;
using SiteGen.Build;
using SiteGen.Checks;
using SiteGen.Checks.External;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Checks;

/// <summary>`sitegen check`: every internal check positive and negative, severities, formats, and exit codes.</summary>
public class CheckCommandTests
{
    private static BuildResult Check(TempSite site, ExternalLinkOptions? external = null) =>
        SiteChecker.Check(new BuildOptions(site.Input, site.Output, site.Theme), external, Log.Silent);

    /// <summary>Reviewed today, so the review-date check stays quiet whenever the tests run.</summary>
    private static readonly string Reviewed = $"reviewed: {DateTime.UtcNow:yyyy-MM-dd}\n";

    private static TempSite Site(string body) =>
        TempSite.WithPages(("index.md", "---\ntitle: Home\n" + Reviewed + "---\n" + body), ("about.md", "---\ntitle: About\n" + Reviewed + "---\n## Team\n\nText.\n"));

    [Theory]
    [InlineData("See [x](gone.md).\n", "broken-link", 5, 5)]
    [InlineData("See [x](about.md#nobody).\n", "missing-anchor", 5, 5)]
    [InlineData("![chart](chart.png)\n", "missing-image", 5, 1)]
    [InlineData("Intro\n\n![](about.md)\n", "image-alt", 7, 1)]
    [InlineData("A [](about.md) link.\n", "empty-link", 5, 3)]
    [InlineData("## A\n\n#### Skipped\n", "heading-order", 7, 1)]
    public void Each_content_problem_is_found_at_its_markdown_line(string body, string rule, int line, int column)
    {
        using var site = Site(body);
        site.Build();
        var finding = Assert.Single(Check(site).Diagnostics, d => d.Rule == rule);
        Assert.EndsWith("index.md", finding.File);
        Assert.Equal((line, column), (finding.Line, finding.Column));
    }

    [Fact]
    public void A_clean_site_has_no_findings_and_exits_zero()
    {
        using var site = Site("See [the team](about.md#team) and ![a chart of outcomes](chart.png).\n\n## Part\n\n### Detail\n");
        site.Write("chart.png", "png");
        site.Write("site.yml", "title: Test site\nlanguage: en\nfeedback_url: mailto:editors@example.org?subject={title}\n");
        site.Build();
        var result = Check(site);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Images_without_alt_and_links_without_text_in_raw_html_are_found()
    {
        using var site = Site("<img src=\"https://example.org/x.png\">\n\n<a href=\"about.html\"></a>\n\n<img src=\"https://example.org/d.png\" alt=\"\">\n");
        var result = Check(site);
        Assert.Contains(result.Diagnostics, d => d.Rule == CheckRule.ImageAlt && d.Message.Contains("'https://example.org/x.png' has no alt attribute"));
        Assert.DoesNotContain(result.Diagnostics, d => d.Rule == CheckRule.ImageAlt && d.Message.Contains("d.png"));
        Assert.Contains(result.Diagnostics, d => d.Rule == CheckRule.EmptyLink && d.Message.Contains("'about.html' has no text"));
    }

    [Fact]
    public void Duplicate_ids_and_a_missing_h1_are_found()
    {
        using var site = Site("<p id=\"dup\">a</p>\n\n<p id=\"dup\">b</p>\n");
        var layout = File.ReadAllText(Path.Combine(site.Theme, "layout.liquid"));
        site.WriteTheme("layout.liquid", layout.Replace("<h1>{{ page.title }}</h1>", "<p>{{ page.title }}</p>"));
        var result = Check(site);
        Assert.Contains(result.Diagnostics, d => d.Rule == CheckRule.DuplicateId && d.Message.Contains("'dup'"));
        Assert.Contains(result.Diagnostics, d => d.Rule == CheckRule.SingleH1 && d.Message.StartsWith("page 'index.html' has 0 h1"));
    }

    [Fact]
    public void Severities_can_be_changed_or_turned_off_in_site_yml()
    {
        using var site = Site("![](about.md)\n\n## A\n\n#### Skipped\n");
        site.Write("site.yml", "title: Test\nchecks:\n  image-alt: warning\n  heading-order: off\n");
        var result = Check(site);
        Assert.Equal(Severity.Warning, Assert.Single(result.Diagnostics, d => d.Rule == CheckRule.ImageAlt).Severity);
        Assert.DoesNotContain(result.Diagnostics, d => d.Rule == CheckRule.HeadingOrder);
    }

    [Fact]
    public void An_unknown_check_name_is_an_error_with_a_suggestion()
    {
        using var site = Site("x\n");
        site.Write("site.yml", "title: Test\nchecks:\n  image-alts: off\n");
        var error = Assert.Single(Check(site).Diagnostics);
        Assert.Equal((3, 3), (error.Line, error.Column));
        Assert.Equal("unknown check 'image-alts' (did you mean 'image-alt'?)", error.Message);
    }

    [Fact]
    public void A_stale_or_missing_output_folder_is_reported()
    {
        using var site = Site("x\n");
        Assert.Contains(Check(site).Diagnostics, d => d.Rule == CheckRule.StaleOutput && d.Message.Contains("run 'sitegen build' first"));
        site.Build();
        Assert.DoesNotContain(Check(site).Diagnostics, d => d.Rule == CheckRule.StaleOutput);
        site.Write("about.md", "---\ntitle: About us\n---\nChanged.\n");
        Assert.Contains(Check(site).Diagnostics, d => d.Rule == CheckRule.StaleOutput && d.Message.Contains("do not match the sources"));
    }

    [Fact]
    public void External_links_and_citation_dois_are_checked_only_when_asked()
    {
        using var server = new FakeWebServer();
        using var site = Site($"[fine]({server.Root}ok), [gone]({server.Root}missing) and [moved]({server.Root}moved).\n");
        site.Write("citations.json", $"[\n{{\"id\": \"a\", \"title\": \"A\", \"URL\": \"{server.Root}broken\"}}\n]");
        site.Write("about.md", "---\ntitle: About\n---\nCited [@a].\n");
        site.Build();
        Assert.DoesNotContain(Check(site).Diagnostics, d => d.Rule is CheckRule.ExternalLink or CheckRule.ExternalRedirect);
        Assert.Equal(0, server.Hits("/ok"));

        var options = new ExternalLinkOptions { CacheFile = null, Retries = 0, Backoff = TimeSpan.Zero, PerHostInterval = TimeSpan.Zero, AllowPrivateAddresses = true };
        var findings = Check(site, options).Diagnostics;
        var gone = Assert.Single(findings, d => d.Rule == CheckRule.ExternalLink && d.Message.Contains("/missing"));
        Assert.Equal((5, 13 + server.Root.Length), (gone.Line, gone.Column)); // "[fine](" + root + "ok), " comes first
        Assert.Contains("is broken: HTTP 404", gone.Message);
        var moved = Assert.Single(findings, d => d.Rule == CheckRule.ExternalRedirect);
        Assert.Equal(Severity.Warning, moved.Severity);
        var citation = Assert.Single(findings, d => d.Rule == CheckRule.ExternalLink && d.Message.Contains("/broken"));
        Assert.EndsWith("citations.json", citation.File);
        Assert.Equal(2, citation.Line);
    }

    [Fact]
    public void Doi_and_pubmed_links_are_checked_by_identifier_and_a_host_refusing_robots_is_explained_or_accepted()
    {
        using var server = new FakeWebServer();
        using var registry = new References.FakeRegistry();
        registry.Handle("10.1000/real", exists: true);
        registry.Handle("10.1000/made-up", exists: false);
        registry.On("/eutils/esummary.fcgi?db=pubmed&id=36804489,99999999&retmode=json", new References.FakeRegistry.Answer(200,
            "{\"header\":{\"type\":\"esummary\",\"version\":\"0.3\"},\"result\":{\"uids\":[\"36804489\"],\"36804489\":{\"uid\":\"36804489\",\"title\":\"A trial.\"}," +
            "\"99999999\":{\"uid\":\"99999999\",\"error\":\"cannot get document summary\"}}}"));
        using var site = Site("[a](https://doi.org/10.1000/real), [b](https://doi.org/10.1000/made-up), [c](https://pubmed.ncbi.nlm.nih.gov/36804489/), " +
                              $"[d](https://pubmed.ncbi.nlm.nih.gov/99999999/) and [e]({server.Root}refuses-robots).\n");
        site.Build();
        var options = new ExternalLinkOptions
        {
            CacheFile = null, Retries = 0, Backoff = TimeSpan.Zero, PerHostInterval = TimeSpan.Zero, AllowPrivateAddresses = true, Registries = registry.Services,
        };

        var findings = Check(site, options).Diagnostics.Where(d => d.Rule == CheckRule.ExternalLink).Select(d => d.Message).ToList();

        Assert.Equal(3, findings.Count);
        Assert.Contains("external link 'https://doi.org/10.1000/made-up' is broken: the DOI system does not know the DOI 10.1000/made-up (asked the DOI handle API, not the publisher).", findings);
        Assert.Contains("external link 'https://pubmed.ncbi.nlm.nih.gov/99999999/' is broken: PubMed has no article with PMID 99999999.", findings);
        Assert.Contains(findings, m => m.StartsWith($"external link '{server.Root}refuses-robots' is broken: HTTP 403; 127.0.0.1 may be refusing automated requests", StringComparison.Ordinal) &&
                                       m.Contains("'link_check_accept: { 127.0.0.1: [403] }'", StringComparison.Ordinal));
        Assert.Equal(2, registry.Count("/doi/api/handles/"));
        Assert.Equal(1, registry.Count("/eutils/esummary.fcgi")); // both PMIDs in one request

        // A host whose 403 the site accepts is no longer reported.
        site.Write("site.yml", "title: Test site\nlanguage: en\nlink_check_accept:\n  127.0.0.1: [403, 429]\n");
        site.Build();
        Assert.Equal(2, Check(site, options).Diagnostics.Count(d => d.Rule == CheckRule.ExternalLink));
    }

    [Theory]
    [InlineData("link_check_accept:\n  https://www.nejm.org/: [403]\n", "is not a host name")]
    [InlineData("link_check_accept:\n  www.nejm.org: [forbidden]\n", "'forbidden' is not an HTTP status code")]
    public void A_wrong_link_check_accept_entry_is_an_error_at_its_line(string setting, string message)
    {
        using var site = Site("Text.\n");
        site.Write("site.yml", "title: Test site\nlanguage: en\n" + setting);
        var error = Assert.Single(site.Build(write: false).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(4, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Doi_and_pubmed_links_of_the_citations_file_are_collected()
    {
        using var site = TempSite.CopyOfRealSite();
        var result = site.Build(write: false);
        var library = SiteGen.Citations.LoadCitations.Load(new SitePaths(site.Input, site.Theme, site.Output), new Diagnostics());
        var urls = CheckExternalLinks.Collect(result.Documents, library).Select(o => o.Url).ToList();
        Assert.Contains("https://doi.org/10.1038/s41386-023-01540-4", urls);
        Assert.Contains("https://pubmed.ncbi.nlm.nih.gov/36804489/", urls);
    }

    private static readonly Diagnostic[] Sample =
    [
        new(Severity.Error, "input/index.md", 4, 5, "link 'gone.md' not found, really", CheckRule.BrokenLink),
        new(Severity.Warning, "input/citations.json", 9, 1, "citation 'x' is not cited", CheckRule.UnusedCitation),
    ];

    [Fact]
    public void The_github_format_prints_annotations_on_the_source_line() =>
        Assert.Equal(
            "::error file=input/index.md,line=4,col=5,title=broken-link::link 'gone.md' not found, really\n" +
            "::warning file=input/citations.json,line=9,col=1,title=unused-citation::citation 'x' is not cited\n",
            FindingsReport.Format(Sample, "github"));

    [Fact]
    public void The_json_format_lists_every_finding()
    {
        using var json = JsonDocument.Parse(FindingsReport.Format(Sample, "json"));
        var first = json.RootElement[0];
        Assert.Equal(("error", "broken-link", "input/index.md", 4, 5), (first.GetProperty("severity").GetString(), first.GetProperty("rule").GetString(),
            first.GetProperty("file").GetString(), first.GetProperty("line").GetInt32(), first.GetProperty("column").GetInt32()));
        Assert.Equal(2, json.RootElement.GetArrayLength());
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void The_junit_format_fails_one_test_case_per_rule_with_errors()
    {
        var xml = XDocument.Parse(FindingsReport.Format(Sample, "junit"));
        var suite = xml.Root!.Element("testsuite")!;
        Assert.Equal("1", suite.Attribute("failures")!.Value);
        var broken = suite.Elements("testcase").Single(t => t.Attribute("name")!.Value == CheckRule.BrokenLink);
        Assert.Contains("input/index.md:4:5", broken.Element("failure")!.Value);
        Assert.Null(suite.Elements("testcase").Single(t => t.Attribute("name")!.Value == CheckRule.UnusedCitation).Element("failure"));
    }

    private static (int Code, string Out, string Err) Run(string folder, params string[] args) => SitegenProcess.Run(folder, args);

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void The_command_exits_0_when_clean_1_on_errors_and_2_on_usage_errors()
    {
        using var site = Site("Fine.\n");
        Assert.Equal(0, Run(site.Root, "build").Code);
        Assert.Equal(0, Run(site.Root, "check").Code);
        site.Write("index.md", "---\ntitle: Home\n---\nSee [x](gone.md).\n");
        var (code, stdout, _) = Run(site.Root, "check", "--format", "github");
        Assert.Equal(1, code);
        Assert.Contains("::error file=input/index.md,line=4,col=5,title=broken-link::page 'gone.md' not found", stdout);
        Assert.Equal(2, Run(site.Root, "check", "--format", "xml").Code);
        Assert.Equal(2, Run(site.Root, "check", "--max-cache-age", "soon").Code);
    }
}
