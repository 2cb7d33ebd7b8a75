using SiteGen.Engine;
using SiteGen.References;
using SiteGen.Registry;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.References;

/// <summary>`sitegen refs verify` against a local server that answers as Crossref, PubMed and the DOI handle API do.</summary>
public class RefsVerifyTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static string Work(string doi, string title, string family, int year, string extra = "") =>
        $"{{\"DOI\":\"{doi}\",\"title\":[\"{title}\"],\"author\":[{{\"given\":\"A\",\"family\":\"{family}\",\"sequence\":\"first\"}}]," +
        $"\"issued\":{{\"date-parts\":[[{year},3]]}},\"container-title\":[\"Journal of Psychiatric Research\"],\"volume\":\"48\",\"page\":\"991-999\"{extra}}}";

    private static string Entry(string id, string title, string family, int year, string? doi = null, string? pmid = null, string note = "") =>
        $"{{\"id\":\"{id}\",\"type\":\"article-journal\",\"title\":\"{title}\",\"author\":[{{\"family\":\"{family}\",\"given\":\"A\"}}],\"issued\":{{\"date-parts\":[[{year}]]}}," +
        $"\"container-title\":\"J Psychiatr Res\"" + (doi is null ? "" : $",\"DOI\":\"{doi}\"") + (pmid is null ? "" : $",\"PMID\":\"{pmid}\"") +
        (note.Length == 0 ? "" : $",\"note\":\"{note}\"") + "}";

    /// <summary>A site whose citations file holds one entry a line, from line 2, and a server holding every planted case.</summary>
    private static (TempSite Site, FakeRegistry Registry) Planted()
    {
        var registry = new FakeRegistry();
        registry.Crossref("10.1000/good", Work("10.1000/good", "Ketamine for suicidal ideation in <i>borderline</i> personality disorder: a pilot trial", "Fineberg", 2023));
        registry.Crossref("10.1000/title", Work("10.1000/title", "Lithium in bipolar disorder", "Fineberg", 2023));
        registry.Crossref("10.1000/year", Work("10.1000/year", "A year study", "Smith", 2019));
        registry.CrossrefMissing("10.1000/missing");
        registry.Handle("10.1000/missing", exists: false);
        registry.Crossref("10.1000/pair", Work("10.1000/pair", "A paired study", "Jones", 2020));
        registry.PubMed("222", "{\"uid\":\"222\",\"pubdate\":\"2018 Jan\",\"source\":\"Lancet\",\"title\":\"Something else entirely.\",\"authors\":[{\"name\":\"Other B\",\"authtype\":\"Author\"}],\"pubtype\":[\"Journal Article\"],\"articleids\":[{\"idtype\":\"pubmed\",\"value\":\"222\"},{\"idtype\":\"doi\",\"value\":\"10.1000/else\"}]}");
        registry.Crossref("10.1000/retracted", Work("10.1000/retracted", "A retracted study", "Brown", 2021,
            ",\"updated-by\":[{\"updated\":{\"date-parts\":[[2024,5,2]]},\"DOI\":\"10.1000/notice\",\"type\":\"retraction\",\"source\":\"retraction-watch\",\"label\":\"Retraction\"}]"));
        registry.PubMed("333", "{\"uid\":\"333\",\"pubdate\":\"2017 Jun\",\"source\":\"J Psychiatr Res\",\"fulljournalname\":\"Journal of psychiatric research\",\"title\":\"A PubMed retracted study.\",\"authors\":[{\"name\":\"Green C\",\"authtype\":\"Author\"}],\"pubtype\":[\"Journal Article\",\"Retracted Publication\"],\"articleids\":[{\"idtype\":\"pubmed\",\"value\":\"333\"}]}");
        registry.Crossref("10.1000/corrected", Work("10.1000/corrected", "A corrected study", "White", 2022,
            ",\"updated-by\":[{\"updated\":{\"date-parts\":[[2023,1,9]]},\"DOI\":\"10.1000/erratum\",\"type\":\"correction\",\"source\":\"publisher\"}]"));
        registry.On("/crossref/works/10.1000/busy",
            new FakeRegistry.Answer(429, "{\"status\":\"error\"}", RetryAfter: "0"),
            new FakeRegistry.Answer(200, "{\"status\":\"ok\",\"message\":" + Work("10.1000/busy", "A busy study", "Black", 2020) + "}"));
        registry.Crossref("10.1000/acknowledged", Work("10.1000/acknowledged", "A famous retracted study", "Wake", 1998,
            ",\"updated-by\":[{\"updated\":{\"date-parts\":[[2010,2,2]]},\"DOI\":\"10.1000/notice2\",\"type\":\"retraction\"}]"));
        var lines = new[]
        {
            Entry("good", "Ketamine for suicidal ideation in borderline personality disorder: a pilot trial", "Fineberg", 2023, doi: "10.1000/good"),
            Entry("title", "Ketamine in depression", "Fineberg", 2023, doi: "10.1000/title"),
            Entry("year", "A year study", "Smith", 2021, doi: "10.1000/year"),
            Entry("missing", "A missing study", "Gray", 2020, doi: "10.1000/missing"),
            Entry("pair", "A paired study", "Jones", 2020, doi: "10.1000/pair", pmid: "222"),
            Entry("retracted", "A retracted study", "Brown", 2021, doi: "10.1000/retracted"),
            Entry("pmretracted", "A PubMed retracted study", "Green", 2017, pmid: "333"),
            Entry("corrected", "A corrected study", "White", 2022, doi: "10.1000/corrected"),
            Entry("busy", "A busy study", "Black", 2020, doi: "10.1000/busy"),
            Entry("copy", "A busy study", "Black", 2020, doi: "10.1000/BUSY"),
            Entry("acknowledged", "A famous retracted study", "Wake", 1998, doi: "10.1000/acknowledged", note: "retraction_acknowledged: discussed as an example of a retracted paper"),
        };
        var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        site.Write("citations.json", "[\n" + string.Join(",\n", lines) + "\n]\n");
        return (site, registry);
    }

    private static RefsResult Verify(TempSite site, FakeRegistry registry, bool refresh = false, int timeout = FakeRegistry.TimeoutSeconds) =>
        VerifyReferences.Run(new RefsOptions(site.Input, Today, refresh, TimeoutSeconds: timeout, MaxRetryWait: TimeSpan.FromMilliseconds(50), Services: registry.Services), Log.Silent);

    private static Diagnostic At(RefsResult result, int line, string contains) =>
        Assert.Single(result.Diagnostics, d => d.Line == line && d.Message.Contains(contains, StringComparison.Ordinal));

    [Fact]
    public void Every_planted_mismatch_and_notice_is_found_at_its_entry_line()
    {
        var (site, registry) = Planted();
        using var _ = site;
        using var __ = registry;
        var result = Verify(site, registry);
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain(result.Diagnostics, d => d.Line == 2);                                        // the good one, markup and journal abbreviation tolerated
        var title = At(result, 3, "DOI 10.1000/title is registered to 'Lithium in bipolar disorder' (Fineberg 2023), but the entry says title 'Ketamine in depression'");
        Assert.Equal(Severity.Error, title.Severity);
        Assert.EndsWith("citations.json", title.File);
        At(result, 4, "but the entry says year 2021 (the record: 2019)");
        Assert.Equal(Severity.Error, At(result, 5, "the DOI 10.1000/missing does not exist").Severity);
        At(result, 6, "the DOI and the PMID name different papers: DOI 10.1000/pair is 'A paired study' (Jones 2020), PMID 222 is 'Something else entirely' (Other 2018) (whose DOI is 10.1000/else)");
        Assert.Equal(Severity.Error, At(result, 7, "citation 'retracted' was retracted (notice 10.1000/notice, 2024-05-02)").Severity);
        Assert.Equal(Severity.Error, At(result, 8, "citation 'pmretracted' was retracted").Severity);
        Assert.Equal(Severity.Warning, At(result, 9, "citation 'corrected' has a correction (notice 10.1000/erratum, 2023-01-09)").Severity);
        Assert.DoesNotContain(result.Diagnostics, d => d.Line == 10);                                       // 429 then success
        At(result, 11, "citation 'copy' has the DOI 10.1000/busy of citation 'busy'");
        Assert.DoesNotContain(result.Diagnostics, d => d.Line == 12);                                       // retraction acknowledged
        Assert.Equal(2, registry.Count("/crossref/works/10.1000/busy"));
        Assert.All(registry.UserAgents, agent => Assert.StartsWith("sitegen/", agent));
    }

    [Fact]
    public void The_lock_file_is_stable_and_a_second_run_asks_nothing_for_fresh_entries()
    {
        var (site, registry) = Planted();
        using var _ = site;
        using var __ = registry;
        Verify(site, registry);
        var lockPath = Path.Combine(site.Input, "citations.lock.json");
        var first = File.ReadAllText(lockPath);
        var requests = registry.Requests.Count;
        var again = Verify(site, registry);
        Assert.Equal(requests, registry.Requests.Count);
        Assert.Equal(first, File.ReadAllText(lockPath));
        Assert.Contains("\"kind\": \"retraction\"", first);
        Assert.Contains("\"checked\": \"2026-12-02\"", first);
        Assert.True(first.IndexOf("\"acknowledged\"", StringComparison.Ordinal) < first.IndexOf("\"busy\"", StringComparison.Ordinal)); // sorted by id
        Assert.Equal(0, again.Fetched);
        Verify(site, registry, refresh: true);
        Assert.True(registry.Requests.Count > requests);
    }

    [Fact]
    public void A_build_shows_the_retraction_from_the_lock_file_without_the_network()
    {
        var (site, registry) = Planted();
        using var _ = site;
        using (registry) Verify(site, registry); // the server is gone after this
        site.Write("index.md", "---\ntitle: Home\n---\nA trial [@acknowledged] and another [@corrected].\n");
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.Diagnostics, d => d.Rule == CheckRule.CorrectedReference && d.Line == 9);
        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content);
        var labels = page.QuerySelectorAll(".references .reference-notice").ToList();
        Assert.Equal(["Retracted 2 February 2010", "Corrected 9 January 2023"], labels.Select(l => l.TextContent.Trim()));
        Assert.Equal(["https://doi.org/10.1000/notice2", "https://doi.org/10.1000/erratum"], labels.Select(l => l.QuerySelector("a")!.GetAttribute("href")));
        var all = Dom.Parse(result.Documents.Single(d => d.OutputPath == "references.html").Content);
        Assert.Equal(4, all.QuerySelectorAll(".reference-notice").Length); // the references page lists every work, cited or not
        // The citation's preview says it too, where a reader meets the work first.
        Assert.Equal(["Retracted 2 February 2010", "Corrected 9 January 2023"],
            page.QuerySelectorAll(".citation-preview .reference-notice").Select(l => l.TextContent.Trim()));
        // And so does the evidence table, for a study with a design (a note is not part of what the lock checked).
        var citations = Path.Combine(site.Input, "citations.json");
        File.WriteAllText(citations, File.ReadAllText(citations).Replace("\"title\":\"A corrected study\"", "\"note\":\"design: pilot RCT\",\"title\":\"A corrected study\""));
        var table = Dom.Parse(site.Build(write: false).Documents.Single(d => d.OutputPath == "evidence-table.html").Content);
        var row = Assert.Single(table.QuerySelectorAll(".evidence-table tbody tr:not(.design-group)"));
        Assert.Equal("Corrected 9 January 2023", row.QuerySelector("th .reference-notice")!.TextContent.Trim());

        // Citing a retracted work without saying why fails the build, at the entry's line.
        site.Write("index.md", "---\ntitle: Home\n---\nA trial [@retracted].\n");
        var failed = site.Build(write: false);
        var error = Assert.Single(failed.Diagnostics, d => d.Rule == CheckRule.RetractedReference);
        Assert.Equal(7, error.Line);
        Assert.Equal(1, failed.ExitCode);
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("html")]
    [InlineData("malformed")]
    [InlineData("down")]
    [InlineData("huge")]
    [InlineData("nested")]
    public void A_service_that_fails_names_itself_and_leaves_the_lock_file_as_it_was(string failure)
    {
        var registry = new FakeRegistry();
        using var _ = registry;
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        site.Write("citations.json", "[\n" + Entry("a", "A study", "Smith", 2020, doi: "10.1000/a") + "\n]\n");
        site.Write("citations.lock.json", "{\"entries\":{}}\n");
        registry.On("/crossref/works/10.1000/a", failure switch
        {
            "timeout" => new FakeRegistry.Answer(200, "{}", Delay: TimeSpan.FromSeconds(3)),
            "html" => new FakeRegistry.Answer(200, "<!DOCTYPE html><html><body>Service temporarily down</body></html>", ContentType: "text/html"),
            "malformed" => new FakeRegistry.Answer(200, "{\"status\":\"ok\",\"message\":{\"title\":[\"A"),
            // 50 MB of one title, sent without a length: read only up to the 4 MB limit.
            "huge" => new FakeRegistry.Answer(200, "{\"status\":\"ok\",\"message\":{\"title\":[\"" + new string('a', 50 << 20) + "\"]}}"),
            "nested" => new FakeRegistry.Answer(200, "{\"status\":\"ok\",\"message\":" + new string('[', 5000) + new string(']', 5000) + "}"),
            _ => new FakeRegistry.Answer(503, "down"),
        });
        var result = VerifyReferences.Run(new RefsOptions(site.Input, Today, TimeoutSeconds: 1, MaxRetryWait: TimeSpan.FromMilliseconds(10), Services: registry.Services), Log.Silent);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.StartsWith("Crossref could not be reached: ", error.Message);
        Assert.Contains("nothing was changed in citations.lock.json", error.Message);
        if (failure == "huge") Assert.Contains("its answer is larger than 4 MB", error.Message);
        if (failure == "nested") Assert.Contains("nested deeper than 32 levels", error.Message);
        Assert.Equal("{\"entries\":{}}\n", File.ReadAllText(Path.Combine(site.Input, "citations.lock.json")));
    }

    [Fact]
    public void What_a_lock_file_holds_reaches_the_page_only_escaped()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nA trial [@a].\n"));
        site.Write("citations.json", "[\n" + Entry("a", "A study", "Smith", 2020, doi: "10.1000/a", note: "design: pilot RCT\\nretraction_acknowledged: an example") + "\n]\n");
        var reference = SiteGen.Citations.LoadCitations.Load(new SitePaths(site.Input, site.Theme, site.Output), new Diagnostics()).Find("a")!;
        var hostile = "{\"entries\":{\"a\":{\"checked\":\"2026-12-01\",\"entry\":\"" + SiteGen.Citations.CitationsLock.Digest(reference) + "\",\"records\":[{\"source\":\"crossref\"," +
                      "\"notices\":[{\"kind\":\"retraction\",\"doi\":\"10.1/x\\\"><script>alert(1)</script>\",\"date\":\"<img src=x onerror=alert(2)>\"}]}]}}}";
        site.Write("citations.lock.json", hostile);
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        foreach (var path in new[] { "index.html", "references.html", "evidence-table.html" })
        {
            var html = result.Documents.Single(d => d.OutputPath == path).Content;
            Assert.Contains("reference-notice", html);
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<img src=x", html);
        }
    }

    [Theory]
    [InlineData("\"DOI\":\"10.abc\"", "'10.abc' is not a DOI")]
    [InlineData("\"DOI\":\"10.1000/a b\"", "contains spaces")]
    [InlineData("\"DOI\":\"https://doi.org/10.1000/a\"", "write the DOI alone: 10.1000/a.")]
    [InlineData("\"PMID\":\"12ab\"", "'12ab' is not a PMID")]
    public void A_malformed_identifier_is_an_error_at_its_line_with_the_expected_form(string field, string message)
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        site.Write("citations.json", "[\n{\"id\":\"a\",\"title\":\"A\"," + field + "}\n]\n");
        var result = site.Build(write: false);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(2, error.Line);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Check_says_when_entries_were_never_verified_or_changed_since()
    {
        var (site, registry) = Planted();
        using var _ = site;
        using var __ = registry;
        var before = SiteGen.Build.SiteChecker.Check(new SiteGen.Build.BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, Today);
        Assert.Contains(before.Diagnostics, d => d.Rule == CheckRule.UnverifiedReference && d.Message.StartsWith("none of the 11 entries with a DOI or PMID"));
        Verify(site, registry);
        var text = File.ReadAllText(Path.Combine(site.Input, "citations.json")).Replace("\"A year study\"", "\"A year study, retitled\"");
        site.Write("citations.json", text);
        var after = SiteGen.Build.SiteChecker.Check(new SiteGen.Build.BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, Today.AddDays(100));
        var unverified = after.Diagnostics.Where(d => d.Rule == CheckRule.UnverifiedReference).Select(d => d.Message).ToList();
        Assert.Contains(unverified, m => m == "citation 'year' changed since it was checked against its registry record on 2026-12-02; run 'sitegen refs verify'.");
        Assert.Contains(unverified, m => m.StartsWith("the oldest check in this lock is 100 days old"));
    }
}
