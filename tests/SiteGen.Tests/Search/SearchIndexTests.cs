using SiteGen.Build;
using System.Text;
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
        Assert.Equal(["infusions"], Term(index, "infus").Words);
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
    public void The_title_counts_in_every_section_of_its_page()
    {
        // Each section of "Infusions" holds the title's word once (three times in the first),
        // so a search for it finds every section; and as a word form the title's spelling
        // counts once per section: 3 against "infusion", said twice on another page.
        var index = Index(
            new SearchPage("a.html", "Infusions", "", [new("Infusions", "", "intro"), new("Dosing", "dosing", "text"), new("Risks", "risks", "more")]),
            new SearchPage("b.html", "Other", "", [new("Other", "", "one infusion, then an infusion")]));
        var postings = Term(index, "infus").Postings;
        Assert.Equal([(0, 0), (0, 1), (0, 2), (1, 0)], postings.Select(p => (p.Page, p.Section)).Order());
        Assert.True(postings.Single(p => p.Page == 0 && p.Section == 0).Score > postings.Single(p => p.Page == 0 && p.Section == 1).Score);
        Assert.Equal(["infusions", "infusion"], Term(index, "infus").Words);
    }

    [Fact]
    public void Rare_terms_score_higher_than_common_ones()
    {
        var pages = Enumerable.Range(0, 10).Select(i => new SearchPage($"{i}.html", "Page", "", [new("Page", "", i == 0 ? "ketamine esketamine" : "ketamine")])).ToArray();
        var index = Index(pages);
        Assert.True(Term(index, "esketamin").Postings[0].Score > Term(index, "ketamin").Postings.Single(p => p.Page == 0).Score);
    }

    [Fact]
    public void Each_term_keeps_only_its_best_postings()
    {
        // 3,500 pages say "trial" 1 to 7 times (more than a term keeps); 31,500 others do not, so the word is rare enough to score apart.
        const int Trials = 3500;
        var pages = Enumerable.Range(0, Trials * 10).Select(i => new SearchPage($"{i}.html", "Page", "",
            [new("Page", "", i < Trials ? string.Join(' ', Enumerable.Repeat("trial", 1 + i % 7)) + " filler words here" : "other filler words here")])).ToArray();
        var postings = Term(Index(pages), "trial").Postings;
        Assert.Equal(SearchIndexBuilder.MaxPostingsPerTerm, postings.Count);
        Assert.True(postings.Zip(postings.Skip(1)).All(p => p.First.Score >= p.Second.Score));
        // The best are kept whatever order the pages come in: every page that says "trial" 7 times,
        // then the first of those that say it 6 times (equal scores keep page order).
        var sevens = Enumerable.Range(0, Trials).Where(i => i % 7 == 6).ToList();
        var sixes = Enumerable.Range(0, Trials).Where(i => i % 7 == 5).Take(SearchIndexBuilder.MaxPostingsPerTerm - sevens.Count);
        Assert.Equal([.. sevens, .. sixes], postings.Select(p => p.Page));
    }

    [Fact]
    public void A_word_repeated_hundreds_of_times_in_a_section_counts_in_full_and_the_words_after_it_are_still_found()
    {
        // The builder logs most (term, count) pairs as one number; a count of 255 or more takes
        // two. Both sections are 302 words long: "alpha" 300 times outscores 44 times (300 kept
        // to a byte would be 44, and score the same).
        var index = Index(
            new SearchPage("many.html", "Page", "", [new("Page", "", string.Join(' ', Enumerable.Repeat("alpha", 300)) + " beta gamma")]),
            new SearchPage("few.html", "Page", "", [new("Page", "", string.Join(' ', [.. Enumerable.Repeat("alpha", 44), .. Enumerable.Repeat("zeta", 256)]) + " beta gamma")]),
            new SearchPage("other.html", "Page", "", [new("Page", "", "delta")]));

        var alpha = Term(index, "alpha").Postings;
        Assert.Equal(["many.html", "few.html"], alpha.Select(p => index.Pages[p.Page].OutputPath));
        Assert.True(alpha[0].Score > alpha[1].Score, $"300 occurrences scored {alpha[0].Score}, 44 scored {alpha[1].Score}");
        foreach (var word in new[] { "beta", "gamma" })
            Assert.Equal(["many.html", "few.html"], Term(index, word).Postings.Select(p => index.Pages[p.Page].OutputPath));
        Assert.Equal(["other.html"], Term(index, "delta").Postings.Select(p => index.Pages[p.Page].OutputPath));
    }

    [Fact]
    public void The_best_postings_are_the_same_however_many_workers_score_them()
    {
        // Every tenth of 35,000 pages says "trial" 1 to 7 times, so each worker's share of the
        // sections holds more than a term keeps, and what the workers kept has to be merged.
        const int Trials = 3500;
        var pages = Enumerable.Range(0, Trials * 10).Select(i => new SearchPage($"{i}.html", "Page", "",
            [new("Page", "", i % 10 == 0 ? string.Join(' ', Enumerable.Repeat("trial", 1 + i / 10 % 7)) + " filler" : "other filler")])).ToArray();
        List<int> Kept(int workers) => [.. Term(SearchIndexBuilder.Build(pages.Length, (p, body) =>
        {
            body.Load(pages[p].Sections);
            return pages[p];
        }, int.MaxValue, new ParallelOptions { MaxDegreeOfParallelism = workers }), "trial").Postings.Select(p => p.Page)];

        // Best first: the pages that say it 7 times, then the first of those that say it 6 times.
        var sevens = Enumerable.Range(0, Trials).Where(i => i % 7 == 6).Select(i => i * 10).ToList();
        var sixes = Enumerable.Range(0, Trials).Where(i => i % 7 == 5).Select(i => i * 10).Take(SearchIndexBuilder.MaxPostingsPerTerm - sevens.Count);
        List<int> expected = [.. sevens, .. sixes];
        Assert.Equal(expected, Kept(1));
        Assert.Equal(expected, Kept(3));
    }

    [Fact]
    public void Pages_read_by_several_workers_give_the_index_one_worker_gives()
    {
        // 400 pages use five words of the stem "treat": 150 say "treated", 150 "treating", 60
        // "treats", 39 "treat", one "treatings"; and each page has a word of its own.
        string FormOn(int page) => page switch { < 150 => "treated", < 300 => "treating", < 360 => "treats", < 399 => "treat", _ => "treatings" };
        var pages = Enumerable.Range(0, 400).Select(i => new SearchPage($"{i}.html", "Page", "",
            [new("Page", "", $"{FormOn(i)} patients word{(char)('a' + i % 26)}{(char)('a' + i / 26)}")])).ToArray();
        var threads = new System.Collections.Concurrent.ConcurrentDictionary<int, bool>();
        using var secondWorker = new ManualResetEventSlim();
        SearchIndex Build(int workers) => SearchIndexBuilder.Build(pages.Length, (p, body) =>
        {
            threads.TryAdd(Environment.CurrentManagedThreadId, true);
            if (threads.Count > 1) secondWorker.Set();
            // The first page waits until another worker reads a page, so the pages are shared out.
            if (p == 0 && workers > 1) secondWorker.Wait(TimeSpan.FromSeconds(30));
            body.Load(pages[p].Sections);
            return pages[p];
        }, int.MaxValue, new ParallelOptions { MaxDegreeOfParallelism = workers, TaskScheduler = TaskScheduler.Default });

        var one = Build(1);
        threads.Clear();
        var several = Build(4);
        Assert.True(threads.Count > 1, "the pages were read by one worker only");

        foreach (var index in new[] { one, several })
        {
            // A term's words are its most used (ties by spelling), counted over the whole site, four at most.
            Assert.Equal(["treated", "treating", "treats", "treat"], Term(index, "treat").Words);
            // Terms are numbered in alphabetical order of their stems, whoever met them first.
            Assert.Equal(index.Terms.Select(t => t.Stem).Order(StringComparer.Ordinal), index.Terms.Select(t => t.Stem));
        }
        string Describe(SearchIndex index) => string.Join("\n", index.Terms.Select(t =>
            $"{t.Stem} [{string.Join(",", t.Words)}] {string.Join(" ", t.Postings.Select(p => $"{p.Page}/{p.Section}/{p.Score}"))}")
            .Concat(Enumerable.Range(0, index.Keywords.Pages).Select(p => $"page {p}: {string.Join(" ", index.Keywords.Of(p).ToArray())}")));
        Assert.Equal(Describe(one), Describe(several));
        // page, patient, treat and the pages' own words (some of which share a stem: "worded", "words").
        var own = pages.Select(p => SearchText.Words(p.Sections[0].Text).Last()).Select(SearchText.Stem).Distinct().Count();
        Assert.Equal(3 + own, several.Terms.Count);
        Assert.True(own > 390);
    }

    [Fact]
    public void The_index_is_written_as_script_files_that_work_from_disk()
    {
        var index = Index(new SearchPage("evidence/trial.html", "Trial", "", [new("Trial", "", "ketamine <script>alert(1)</script>")]));
        var files = WriteSearchIndex.Files(index).ToDictionary(f => f.OutputPath, f => f.Text);
        Assert.Equal(["search/index.js", "search/p/0.js", "search/t/0.js"], files.Keys.Order(StringComparer.Ordinal));
        Assert.StartsWith("SiteGenSearch.manifest({", files["search/index.js"]);
        Assert.StartsWith("SiteGenSearch.shard(0,{\"alert\":[\"alert\",\"", files["search/t/0.js"]);
        using var shard = JsonDocument.Parse(files["search/t/0.js"]["SiteGenSearch.shard(0,".Length..^3]);
        Assert.Equal(Term(index, "alert").Postings, PostingCode.Decode(shard.RootElement.GetProperty("alert")[1].GetString()!));
        Assert.StartsWith("SiteGenSearch.pages(0,[{\"url\":\"evidence/trial.html\"", files["search/p/0.js"]);
        // Every file is a single call with a JSON argument: data, never markup.
        using var pages = JsonDocument.Parse(files["search/p/0.js"]["SiteGenSearch.pages(0,".Length..^3]);
        Assert.Equal("ketamine <script>alert(1)</script>", pages.RootElement[0].GetProperty("sections")[0][2].GetString());
        using var manifest = JsonDocument.Parse(files["search/index.js"]["SiteGenSearch.manifest(".Length..^3]);
        Assert.Equal("alert", manifest.RootElement.GetProperty("shards").GetString());
        Assert.Equal(WriteSearchIndex.PagesPerFile(index.Pages), manifest.RootElement.GetProperty("pagesPerFile").GetInt32());
        Assert.Equal(0, manifest.RootElement.GetProperty("pagesPerKeywordFile").GetInt32()); // a small site has no keyword files
        Assert.Equal(SearchText.StopWords, manifest.RootElement.GetProperty("stop").EnumerateArray().Select(e => e.GetString()!));
    }

    [Fact]
    public void Each_page_keeps_its_best_scoring_terms_as_keywords_and_writes_them_where_the_browser_reads_them()
    {
        // Page 0: a heading word said often, and 30 words said once; page 1 a few words of its own.
        // Then enough other pages for the site to have keyword files.
        var onceEach = string.Join(' ', Enumerable.Range(0, 30).Select(Word));
        var index = Index([
            new SearchPage("wing.html", "Wing", "", [new("Wing", "", onceEach), new("Slipstream", "slipstream", "slipstream slipstream slipstream propeller")]),
            new SearchPage("kitchen.html", "Kitchen", "", [new("Kitchen", "", "oven bread")]),
            .. Enumerable.Range(0, WriteSearchIndex.KeywordsFromPages - 2).Select(p => new SearchPage($"{p}.html", "Other", "", [new("Other", "", "other notes")]))]);

        var wing = index.Keywords.Of(0).ToArray();
        Assert.Equal(SearchIndexBuilder.KeywordsPerPage, wing.Length);
        // By term number, each with the term's best score on the page, the best scores of the page kept.
        Assert.Equal(wing.OrderBy(k => k.Term), wing);
        Assert.All(wing, k => Assert.Equal(index.Terms[k.Term].Postings.Where(p => p.Page == 0).Max(p => p.Score), k.Score));
        var left = index.Terms.Select((t, n) => n).Where(n => index.Terms[n].Postings.Any(p => p.Page == 0) && wing.All(k => k.Term != n)).ToList();
        Assert.NotEmpty(left);
        Assert.All(left, n => Assert.True(index.Terms[n].Postings.Where(p => p.Page == 0).Max(p => p.Score) <= wing.Min(k => k.Score)));
        Assert.Contains(wing, k => index.Terms[k.Term].Stem == "slipstream");
        Assert.DoesNotContain(wing, k => index.Terms[k.Term].Stem == "oven");
        // A page with fewer terms keeps them all.
        Assert.Equal(["bread", "kitchen", "oven"], index.Keywords.Of(1).ToArray().Select(k => index.Terms[k.Term].Stem));

        // The keyword file holds each page's keywords, every score within a step of its own.
        var files = WriteSearchIndex.Files(index).ToDictionary(f => f.OutputPath, f => f.Text);
        using var manifest = JsonDocument.Parse(files["search/index.js"]["SiteGenSearch.manifest(".Length..^3]);
        var perFile = WriteSearchIndex.PagesPerKeywordFile(index.Keywords);
        Assert.Equal(perFile, manifest.RootElement.GetProperty("pagesPerKeywordFile").GetInt32());
        Assert.Equal((index.Pages.Count + perFile - 1) / perFile, files.Keys.Count(k => k.StartsWith("search/k/", StringComparison.Ordinal)));
        Assert.StartsWith("SiteGenSearch.keywords(0,[\"", files["search/k/0.js"]);
        using var keywordFile = JsonDocument.Parse(files["search/k/0.js"]["SiteGenSearch.keywords(0,".Length..^3]);
        for (var p = 0; p < 2; p++)
        {
            var read = KeywordCode.Decode(keywordFile.RootElement[p].GetString()!);
            var kept = index.Keywords.Of(p).ToArray();
            var best = kept.Max(k => k.Score);
            Assert.Equal(kept.Select(k => k.Term), read.Select(k => k.Term));
            Assert.All(read.Zip(kept), pair => Assert.InRange(pair.First.Score, pair.Second.Score - best / KeywordCode.Steps, pair.Second.Score + best / KeywordCode.Steps));
        }
    }

    [Fact]
    public void Terms_are_packed_in_alphabetical_runs_of_about_the_shard_size_and_the_manifest_names_each_runs_first_stem()
    {
        // 3,000 distinct words over 300 pages: far more than one shard holds.
        var pages = Enumerable.Range(0, 300).Select(p => new SearchPage($"{p}.html", "Page", "",
            [new("Page", "", string.Join(' ', Enumerable.Range(0, 10).Select(w => Word(p * 10 + w))))])).ToArray();
        var index = Index(pages);
        var files = WriteSearchIndex.Files(index).ToList();
        var shards = files.Where(f => f.OutputPath.StartsWith("search/t/", StringComparison.Ordinal)).ToList();
        using var manifest = JsonDocument.Parse(files[0].Text["SiteGenSearch.manifest(".Length..^3]);
        var firsts = manifest.RootElement.GetProperty("shards").GetString()!.Split(' ');

        Assert.True(shards.Count > 3, $"{shards.Count} shards");
        Assert.Equal(shards.Count, firsts.Length);
        Assert.Equal(firsts.Order(StringComparer.Ordinal), firsts);
        // No shard is far over the size, and together they hold every term exactly once, each
        // in the shard a binary search over the first stems picks.
        Assert.All(shards, s => Assert.True(Encoding.UTF8.GetByteCount(s.Text) < WriteSearchIndex.ShardBytes + 1024, $"{s.OutputPath}: {s.Utf8.Length} bytes"));
        for (var n = 0; n < shards.Count; n++)
        {
            using var shard = JsonDocument.Parse(shards.Single(s => s.OutputPath == $"search/t/{n}.js").Text[$"SiteGenSearch.shard({n},".Length..^3]);
            foreach (var term in shard.RootElement.EnumerateObject())
                Assert.Equal(n, Array.FindLastIndex(firsts, f => string.CompareOrdinal(f, term.Name) <= 0));
        }
        Assert.Equal(index.Terms.Count, shards.Sum(s => JsonDocument.Parse(s.Text[(s.Text.IndexOf(',') + 1)..^3]).RootElement.EnumerateObject().Count()));
    }

    [Fact]
    public void Small_page_records_share_a_file_and_large_ones_get_one_each()
    {
        var small = Enumerable.Range(0, 20).Select(p => new SearchPage($"{p}.html", "Page", "", [new("Page", "", "ketamine " + p)])).ToArray();
        var smallFiles = WriteSearchIndex.Files(Index(small)).Where(f => f.OutputPath.StartsWith("search/p/", StringComparison.Ordinal)).ToList();
        var perFile = WriteSearchIndex.PagesPerFile(small);
        Assert.True(perFile > 1);
        Assert.Equal((20 + perFile - 1) / perFile, smallFiles.Count);
        // Page 13 is entry 13 % perFile of file 13 / perFile, as search.js looks it up.
        var file = smallFiles.Single(f => f.OutputPath == $"search/p/{13 / perFile}.js").Text;
        using var records = JsonDocument.Parse(file[(file.IndexOf(',') + 1)..^3]);
        Assert.Equal("13.html", records.RootElement[13 % perFile].GetProperty("url").GetString());

        var large = Enumerable.Range(0, 3).Select(p => new SearchPage($"{p}.html", "Page", "", [new("Page", "", string.Concat(Enumerable.Repeat("ketamine trial ", 400)))])).ToArray();
        Assert.Equal(1, WriteSearchIndex.PagesPerFile(large));
    }

    private static string Word(int n) => "w" + string.Concat(n.ToString("D4").Select(d => (char)('a' + d - '0')));

    [Fact]
    public void A_build_that_writes_the_site_writes_the_index_files_as_they_are_made_with_the_bytes_it_would_keep_in_memory()
    {
        using var site = TempSite.CopyOfRealSite();
        static bool IsIndexFile(Document d) => d.OutputPath.StartsWith("search/", StringComparison.Ordinal);
        var inMemory = site.Build(write: false).Documents.Where(IsIndexFile).ToDictionary(d => d.OutputPath, d => d.Text);

        var written = site.Build();
        Assert.Equal(BuildResult.Success, written.ExitCode);
        // Written into the staging folder by the index itself: the documents carry no bytes.
        Assert.All(written.Documents.Where(IsIndexFile), d => Assert.True(d.Staged && d.Utf8.IsEmpty && d.Content.Length == 0, d.OutputPath));
        var onDisk = Directory.EnumerateFiles(Path.Combine(site.Output, "search"), "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/'), File.ReadAllText);
        Assert.Equal(inMemory.Keys.Order(StringComparer.Ordinal), onDisk.Keys.Order(StringComparer.Ordinal));
        Assert.All(inMemory, file => Assert.Equal(file.Value, onDisk[file.Key]));
    }

    [Fact]
    public void The_real_site_indexes_reference_authors_so_a_search_for_fineberg_finds_citing_pages()
    {
        using var site = TempSite.CopyOfRealSite();
        var result = site.Build(write: false);
        Assert.Single(result.Documents, d => d.OutputPath.StartsWith("search/t/", StringComparison.Ordinal) && d.Text.Contains("\"fineberg\":"));
        var pages = string.Concat(result.Documents.Where(d => d.OutputPath.StartsWith("search/p/", StringComparison.Ordinal)).Select(d => d.Text));
        // Every listed page but the glossary, whose definitions show where each term is used.
        Assert.Equal(result.Documents.Count(d => d.Listed) - 1, pages.Split("{\"url\":").Length - 1);
        Assert.DoesNotContain("\"url\":\"glossary.html\"", pages);
        Assert.DoesNotContain("\"url\":\"404.html\"", pages);
        Assert.DoesNotContain("\"url\":\"search.html\"", pages);
    }

    [Fact]
    public void A_terms_best_postings_go_in_its_shard_and_the_rest_in_a_file_only_questions_of_several_words_load()
    {
        // 300 pages say "trial" (more than a shard holds for one term, fewer than a term keeps).
        var pages = Enumerable.Range(0, 3000).Select(i => new SearchPage($"{i}.html", "Page", "",
            [new("Page", "", i < 300 ? string.Join(' ', Enumerable.Repeat("trial", 1 + i % 7)) + " filler" : "other filler")])).ToArray();
        var index = Index(pages);
        var trial = Term(index, "trial");
        Assert.Equal(300, trial.Postings.Count);
        var files = WriteSearchIndex.Files(index).ToDictionary(f => f.OutputPath, f => f.Text);
        var shardPath = files.Keys.Single(k => k.StartsWith("search/t/", StringComparison.Ordinal) && files[k].Contains("\"trial\":"));
        var n = int.Parse(shardPath["search/t/".Length..^3]);
        using var shard = JsonDocument.Parse(files[shardPath][$"SiteGenSearch.shard({n},".Length..^3]);
        var entry = shard.RootElement.GetProperty("trial");
        Assert.Equal(1, entry[2].GetInt32()); // more in the rest file
        var head = PostingCode.Decode(entry[1].GetString()!);
        using var rest = JsonDocument.Parse(files[$"search/r/{n}.js"][$"SiteGenSearch.rest({n},".Length..^3]);
        var tail = PostingCode.Decode(rest.RootElement.GetProperty("trial").GetString()!);
        // The shard holds the best; together they hold every posting the term keeps, once.
        Assert.Equal(trial.Postings.Take(SearchIndexBuilder.ShardPostings).OrderBy(p => p.Page), head);
        Assert.Equal(trial.Postings.OrderBy(p => p.Page), head.Concat(tail).OrderBy(p => p.Page));
        Assert.True(head.Min(p => p.Score) >= tail.Max(p => p.Score));
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(31, 5, 65535)]
    [InlineData(1_000_000, 300, 2200)]
    public void Postings_survive_their_compact_code(int page, int section, int score)
    {
        Posting[] postings = [new(page, section, score), new(page + 1, 0, 7), new(page + 40, 2, 31), new(page + 40, 3, 32)];
        Assert.Equal(postings, PostingCode.Decode(PostingCode.Encode(postings.Reverse().ToArray(), new System.Text.StringBuilder())));
    }
}
