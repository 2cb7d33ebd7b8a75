using System.Text.Json;
using SiteGen.Engine;
using SiteGen.References;
using SiteGen.Registry;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.References;

/// <summary>`sitegen refs add` against a local server that answers as Crossref, PubMed's esummary and esearch, and the DOI handle API do.</summary>
public class RefsAddTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private const string FinebergWork =
        "{\"DOI\":\"10.1000/ketamine\",\"type\":\"journal-article\",\"title\":[\"Ketamine for suicidal ideation in <i>borderline</i> personality disorder &amp; depression\"]," +
        "\"subtitle\":[\"a pilot trial\"],\"author\":[{\"given\":\"Sarah K.\",\"family\":\"Fineberg\",\"sequence\":\"first\"},{\"given\":\"José\",\"family\":\"Müller\",\"sequence\":\"additional\"}," +
        "{\"name\":\"The BPD Study Group\",\"sequence\":\"additional\"}],\"issued\":{\"date-parts\":[[2023,3]]},\"container-title\":[\"Neuropsychopharmacology\"]," +
        "\"short-container-title\":[\"Neuropsychopharmacol.\"],\"volume\":\"48\",\"issue\":\"7\",\"page\":\"991-999\",\"publisher\":\"Springer Science and Business Media LLC\"}";

    private const string FinebergSummary =
        "{\"uid\":\"36804489\",\"pubdate\":\"2023 Jun\",\"source\":\"Neuropsychopharmacology\",\"fulljournalname\":\"Neuropsychopharmacology : official publication of the American College of Neuropsychopharmacology\"," +
        "\"title\":\"Ketamine for suicidal ideation in borderline personality disorder and depression: a pilot trial.\",\"authors\":[{\"name\":\"Fineberg SK\",\"authtype\":\"Author\"}]," +
        "\"volume\":\"48\",\"issue\":\"7\",\"pages\":\"991-9\",\"pubtype\":[\"Journal Article\",\"Randomized Controlled Trial\"]," +
        "\"articleids\":[{\"idtype\":\"pubmed\",\"value\":\"36804489\"},{\"idtype\":\"doi\",\"value\":\"10.1000/ketamine\"},{\"idtype\":\"pmc\",\"value\":\"PMC10209153\"}]}";

    private const string LiebSummary =
        "{\"uid\":\"15296999\",\"pubdate\":\"2004 Jul 31\",\"source\":\"Lancet\",\"fulljournalname\":\"Lancet (London, England)\"," +
        "\"title\":\"Borderline personality disorder: care & treatment of 100% of cases.\",\"authors\":[{\"name\":\"Lieb K\",\"authtype\":\"Author\"},{\"name\":\"van der Berg AB\",\"authtype\":\"Author\"}]," +
        "\"volume\":\"364\",\"issue\":\"9432\",\"pages\":\"453-61\",\"pubtype\":[\"Journal Article\",\"Review\"],\"articleids\":[{\"idtype\":\"pubmed\",\"value\":\"15296999\"}]}";

    private static FakeRegistry Registry()
    {
        var registry = new FakeRegistry();
        registry.Crossref("10.1000/ketamine", FinebergWork);
        registry.PubMedSearch("10.1000/ketamine", "36804489");
        registry.PubMed("36804489", FinebergSummary);
        registry.PubMed("15296999", LiebSummary);
        registry.CrossrefMissing("10.1000/nowhere");
        registry.Handle("10.1000/nowhere", exists: false);
        registry.Crossref("10.1000/retracted", "{\"DOI\":\"10.1000/retracted\",\"type\":\"journal-article\",\"title\":[\"A retracted study\"],\"author\":[{\"given\":\"B\",\"family\":\"Brown\"}]," +
            "\"issued\":{\"date-parts\":[[2021]]},\"updated-by\":[{\"updated\":{\"date-parts\":[[2024,5,2]]},\"DOI\":\"10.1000/notice\",\"type\":\"retraction\",\"source\":\"retraction-watch\"}]}");
        return registry;
    }

    private static RefsResult Add(TempSite site, FakeRegistry registry, string? to = null, params string[] identifiers) =>
        AddReferences.Run(new RefsOptions(site.Input, Today, TimeoutSeconds: FakeRegistry.TimeoutSeconds, MaxRetryWait: TimeSpan.FromMilliseconds(50), Services: registry.Services), identifiers, to, Log.Silent);

    private const string ExistingJson = "[\n  {\n    \"id\": \"fineberg2023\",\n    \"type\": \"report\",\n    \"title\": \"An older report\",\n    \"author\": [ { \"family\": \"Fineberg\", \"given\": \"S\" } ],\n    \"issued\": { \"date-parts\": [ [ 2023 ] ] }\n  }\n]\n";

    [Fact]
    public void A_DOI_becomes_a_complete_CSL_entry_after_the_others_with_a_free_key_and_the_PubMed_ids()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nA trial [@fineberg2023a].\n"));
        using var registry = Registry();
        site.Write("citations.json", ExistingJson);

        var result = Add(site, registry, null, "https://doi.org/10.1000/KETAMINE");

        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(Path.Combine(site.Input, "citations.json"));
        Assert.StartsWith(ExistingJson[..ExistingJson.LastIndexOf('}')], text);        // the entries already there, byte for byte
        Assert.Contains("\n  {\n    \"id\": \"fineberg2023a\",\n    \"type\": \"article-journal\",", text); // the file's own indentation
        using var json = JsonDocument.Parse(text);
        var entry = json.RootElement[1];
        Assert.Equal("Ketamine for suicidal ideation in borderline personality disorder & depression: a pilot trial", entry.GetProperty("title").GetString());
        Assert.Equal(["Fineberg|Sarah K.", "Müller|José", "The BPD Study Group"],
            entry.GetProperty("author").EnumerateArray().Select(a => a.TryGetProperty("literal", out var l) ? l.GetString()! : a.GetProperty("family").GetString() + "|" + a.GetProperty("given").GetString()));
        Assert.Equal("[[2023,3]]", entry.GetProperty("issued").GetProperty("date-parts").GetRawText().Replace(" ", "").Replace("\n", ""));
        Assert.Equal("Neuropsychopharmacology", entry.GetProperty("container-title").GetString());
        Assert.Equal("991-999", entry.GetProperty("page").GetString());
        Assert.Equal("10.1000/ketamine", entry.GetProperty("DOI").GetString());
        Assert.Equal("36804489", entry.GetProperty("PMID").GetString());
        Assert.Equal("PMC10209153", entry.GetProperty("PMCID").GetString());
        Assert.False(entry.TryGetProperty("publisher", out _)); // a journal's publisher is not part of an article's reference
        var note = entry.GetProperty("note").GetString()!;
        Assert.Contains("added by 'sitegen refs add' on 2026-12-02 from Crossref (DOI 10.1000/ketamine) and PubMed (PMID 36804489)", note);

        // The new entry builds, counts as verified, and a verify run right after asks nothing again.
        var build = site.Build(write: false);
        Assert.Equal(0, build.ExitCode);
        var lockText = File.ReadAllText(Path.Combine(site.Input, "citations.lock.json"));
        Assert.Contains("\"fineberg2023a\"", lockText);
        var requests = registry.Requests.Count;
        var verify = VerifyReferences.Run(new RefsOptions(site.Input, Today, Services: registry.Services), Log.Silent);
        Assert.Equal(0, verify.Fetched);
        Assert.DoesNotContain(verify.Diagnostics, d => d.Message.Contains("fineberg2023a", StringComparison.Ordinal));
        Assert.Equal(requests, registry.Requests.Count);
    }

    [Fact]
    public void A_PMID_becomes_a_BibTeX_entry_with_only_the_fields_PubMed_holds_escaped_for_LaTeX()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nA review [@lieb2004].\n"));
        using var registry = Registry();
        var existing = "% my references\n@book{apa2013,\n  author = {{American Psychiatric Association}},\n  title = {DSM-5},\n  year = {2013}\n}\n";
        site.Write("citations.bib", existing);

        var result = Add(site, registry, null, "PMID:15296999");

        Assert.Equal(0, result.ExitCode);
        var text = File.ReadAllText(Path.Combine(site.Input, "citations.bib"));
        Assert.StartsWith(existing, text);
        Assert.Contains("@article{lieb2004,\n  author = {Lieb, K and van der Berg, AB},\n  title = {Borderline personality disorder: care \\& treatment of 100\\% of cases},", text);
        Assert.Contains("  pages = {453--461},", text);  // PubMed's "453-61" written out
        Assert.Contains("  pmid = {15296999},", text);
        Assert.DoesNotContain("doi =", text);           // PubMed gives none: none is made up
        var build = site.Build(write: false);
        Assert.Equal(0, build.ExitCode);
        var page = build.Documents.Single(d => d.OutputPath == "index.html").Content;
        Assert.Contains("Borderline personality disorder: care &amp; treatment of 100% of cases", page);
    }

    [Theory]
    [InlineData("10.abc", "'10.abc' is not a DOI")]
    [InlineData("ketamine", "it is neither a DOI")]
    [InlineData("10.1000/nowhere", "cannot add DOI 10.1000/nowhere: it does not exist")]
    [InlineData("99999999", "cannot add PMID 99999999: PubMed has no article")]
    public void An_identifier_that_cannot_be_added_is_an_error_and_the_file_is_left_as_it_was(string identifier, string message)
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        using var registry = Registry();
        site.Write("citations.json", ExistingJson);
        var result = Add(site, registry, null, "PMID 15296999".Split(' ')[1], identifier);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error && d.Message.Contains(message, StringComparison.Ordinal));
        Assert.Equal(ExistingJson, File.ReadAllText(Path.Combine(site.Input, "citations.json")));
        Assert.False(File.Exists(Path.Combine(site.Input, "citations.lock.json")));
    }

    [Fact]
    public void A_work_already_cited_is_not_added_twice_and_a_retracted_one_is_added_and_reported()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        using var registry = Registry();
        site.Write("citations.json", "[\n{\"id\":\"mine\",\"title\":\"Ketamine for suicidal ideation\",\"PMID\":\"36804489\"}\n]\n");
        var result = Add(site, registry, null, "10.1000/ketamine", "10.1000/retracted");
        Assert.Equal(1, result.ExitCode); // added, but a retraction is an error here as in verify and build, until the note says why
        var duplicate = Assert.Single(result.Diagnostics, d => d.Message.Contains("already in the citations as 'mine'", StringComparison.Ordinal));
        Assert.Equal(2, duplicate.Line);
        Assert.Contains(result.Diagnostics, d => d.Message.Contains("citation 'brown2021' was retracted (notice 10.1000/notice, 2024-05-02)", StringComparison.Ordinal));
        var text = File.ReadAllText(Path.Combine(site.Input, "citations.json"));
        Assert.DoesNotContain("10.1000/ketamine", text);
        Assert.Contains("\"id\": \"brown2021\"", text);
        // Cited without a reason, the build refuses it: the lock already knows the retraction.
        site.Write("index.md", "---\ntitle: Home\n---\nA study [@brown2021].\n");
        var build = site.Build(write: false);
        Assert.Contains(build.Diagnostics, d => d.Rule == CheckRule.RetractedReference);
    }

    [Fact]
    public void A_service_that_is_down_is_named_and_nothing_is_written()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        using var registry = new FakeRegistry();
        registry.On("/crossref/works/10.1000/ketamine", new FakeRegistry.Answer(503, "<html>down</html>", RetryAfter: "0", ContentType: "text/html"));
        site.Write("citations.json", ExistingJson);
        var result = Add(site, registry, null, "10.1000/ketamine");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d.Message.StartsWith("Crossref could not be reached: it answered HTTP 503", StringComparison.Ordinal) && d.Message.Contains("nothing was added"));
        Assert.Equal(ExistingJson, File.ReadAllText(Path.Combine(site.Input, "citations.json")));
    }

    [Fact]
    public void Keys_follow_the_first_author_and_year_and_take_the_next_free_suffix()
    {
        var work = new Reference { Id = "", Authors = [new PersonName("Müller-Lüdenscheidt", "J")], Year = 2020 };
        Assert.Equal("mullerludenscheidt2020", CitationKey.For(work, new HashSet<string>()));
        Assert.Equal("mullerludenscheidt2020b", CitationKey.For(work, new HashSet<string> { "mullerludenscheidt2020", "mullerludenscheidt2020a" }));
        Assert.Equal("who2021", CitationKey.For(new Reference { Id = "", Authors = [new PersonName(null, null, "World Health Organization")], Year = 2021 }, new HashSet<string>()));
        Assert.Equal("ketaminend", CitationKey.For(new Reference { Id = "", Title = "Ketamine: a review" }, new HashSet<string>()));
        Assert.Equal("453-461", RegistryWork.FullPageRange("453-61"));
        Assert.Equal("e123", RegistryWork.FullPageRange("e123"));
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void The_commands_add_then_verify_from_the_command_line_as_the_README_shows()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        using var registry = Registry();
        site.Write("citations.json", "[]\n");
        var services = registry.Services;
        var environment = new Dictionary<string, string>
        {
            ["SITEGEN_CROSSREF_API"] = services.Crossref, ["SITEGEN_PUBMED_API"] = services.PubMed, ["SITEGEN_DOI_API"] = services.Doi,
        };
        var (code, stdout, stderr) = SitegenProcess.Run(site.Root, environment, "refs", "add", "10.1000/ketamine", "https://pubmed.ncbi.nlm.nih.gov/15296999/");
        Assert.True(code == 0, stderr);
        Assert.Contains("sitegen: added 'fineberg2023' to citations.json at line 2", stdout);
        Assert.Contains("sitegen: added 'lieb2004' to citations.json", stdout);
        (code, stdout, stderr) = SitegenProcess.Run(site.Root, environment, "refs", "verify");
        Assert.True(code == 0, stderr);
        Assert.Contains("sitegen: checked 2 references (0 fetched): 0 errors, 0 warnings", stdout);
    }
}
