using System.Text.Json;
using SiteGen.Engine;
using SiteGen.Search;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Search;

public class SearchIndexTests
{
    private const string Body = """
        <p>Intro about <strong>ketamine</strong> infusions.</p>
        <h2 id="side-effects">Side effects</h2>
        <ul><li>Dissociation</li><li>Dizziness</li></ul>
        <p>A claim<span class="citation"><a>1</a><span class="citation-preview">Fineberg SK. A trial.</span></span>.</p>
        <div><h3 id="nested">Nested heading</h3><p>Deep text</p></div>
        <section class="references"><h2 id="references">References</h2><ol><li>Fineberg SK. A pilot trial. <span class="backlinks">↩</span></li></ol></section>
        """;

    [Fact]
    public void A_page_is_read_as_sections_of_heading_and_visible_text()
    {
        var sections = ReadSearchSections.ReadBody(Body, "Ketamine page");
        Assert.Equal(
            [
                new SearchSection("Ketamine page", "", "Intro about ketamine infusions."),
                new SearchSection("Side effects", "side-effects", "Dissociation Dizziness A claim1."),
                new SearchSection("Nested heading", "nested", "Deep text"),
                new SearchSection("References", "references", "Fineberg SK. A pilot trial."),
            ],
            sections);
    }

    private static SearchIndex Index(params SearchPage[] pages) => SearchIndexBuilder.Build(pages);

    private static IndexTerm Term(SearchIndex index, string stem) => index.Terms.Single(t => t.Stem == stem);

    [Fact]
    public void Terms_point_at_the_sections_that_contain_them()
    {
        var index = Index(new SearchPage("a.html", "Alpha", "", [new("Alpha", "", "ketamine infusions"), new("Risks", "risks", "dizziness")]));
        Assert.Equal((0, 1), (Term(index, "dizzi").Postings.Single().Page, Term(index, "dizzi").Postings.Single().Section));
        Assert.Equal(["infusions"], Term(index, "infusion").Words);
    }

    [Fact]
    public void Headings_then_titles_then_descriptions_outrank_body_text()
    {
        var index = Index(
            new SearchPage("body.html", "Other", "", [new("Other", "", "some text mentions midazolam once among many other words here")]),
            new SearchPage("title.html", "Midazolam", "", [new("Midazolam", "", "some text without it among many other words here")]),
            new SearchPage("heading.html", "Other", "", [new("Other", "", "intro"), new("Midazolam as comparator", "m", "some text without it among many words")]),
            new SearchPage("described.html", "Other", "About midazolam", [new("Other", "", "some text without it among many other words here")]));
        var ranked = Term(index, "midazolam").Postings.Select(p => index.Pages[p.Page].OutputPath).ToList();
        Assert.Equal(["heading.html", "title.html", "described.html", "body.html"], ranked);
    }

    [Fact]
    public void Rare_terms_score_higher_than_common_ones()
    {
        var pages = Enumerable.Range(0, 10).Select(i => new SearchPage($"{i}.html", "Page", "", [new("Page", "", i == 0 ? "ketamine esketamine" : "ketamine")])).ToArray();
        var index = Index(pages);
        Assert.True(Term(index, "esketamine").Postings[0].Score > Term(index, "ketamine").Postings.Single(p => p.Page == 0).Score);
    }

    [Fact]
    public void Each_term_keeps_only_its_best_postings()
    {
        var pages = Enumerable.Range(0, 300).Select(i => new SearchPage($"{i}.html", "Page", "", [new("Page", "", string.Join(' ', Enumerable.Repeat("trial", 1 + i % 7)) + " filler words here")])).ToArray();
        var postings = Term(Index(pages), "trial").Postings;
        Assert.Equal(SearchIndexBuilder.MaxPostingsPerTerm, postings.Count);
        Assert.True(postings.Zip(postings.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void The_index_is_written_as_script_files_that_work_from_disk()
    {
        var index = Index(new SearchPage("evidence/trial.html", "Trial", "", [new("Trial", "", "ketamine <script>alert(1)</script>")]));
        var files = WriteSearchIndex.Files(index).ToDictionary(f => f.OutputPath, f => f.Content);
        Assert.StartsWith("SiteGenSearch.manifest({", files["search/index.js"]);
        Assert.StartsWith("SiteGenSearch.shard(\"ke\",{\"ketamine\":[\"ketamine\",[0,0,", files["search/t/ke.js"]);
        Assert.StartsWith("SiteGenSearch.page(0,{\"url\":\"evidence/trial.html\"", files["search/p/0.js"]);
        // Every file is a single call with a JSON argument: data, never markup.
        var json = files["search/p/0.js"]["SiteGenSearch.page(0,".Length..^3];
        var text = JsonDocument.Parse(json).RootElement.GetProperty("sections")[0][2].GetString();
        Assert.Equal("ketamine <script>alert(1)</script>", text);
        using var manifest = JsonDocument.Parse(files["search/index.js"]["SiteGenSearch.manifest(".Length..^3]);
        Assert.Equal("al ke sc tr", manifest.RootElement.GetProperty("shards").GetString());
        Assert.Equal(SearchText.StopWords, manifest.RootElement.GetProperty("stop").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void The_real_site_indexes_reference_authors_so_a_search_for_fineberg_finds_citing_pages()
    {
        using var site = TempSite.CopyOfRealSite();
        var result = site.Build(write: false);
        var shard = result.Documents.Single(d => d.OutputPath == "search/t/fi.js").Content;
        Assert.Contains("\"fineberg\":", shard);
        var pages = result.Documents.Where(d => d.OutputPath.StartsWith("search/p/", StringComparison.Ordinal)).ToList();
        Assert.Equal(result.Documents.Count(d => d.Listed), pages.Count);
        Assert.DoesNotContain(pages, p => p.Content.Contains("\"url\":\"404.html\"") || p.Content.Contains("\"url\":\"search.html\""));
    }
}
