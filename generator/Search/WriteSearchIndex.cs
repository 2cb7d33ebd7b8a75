using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Engine;

namespace SiteGen.Search;

/// <summary>
/// Writes the index as small script files that call window.SiteGenSearch, so the browser loads
/// them with script elements (which work from file://, unlike fetch):
/// - search/index.js, the manifest: the first stem of every term shard, how many pages share a
///   page file and the stop words (both sides stem with the same algorithm);
/// - search/t/N.js, term shard N: a run of terms in alphabetical order, about
///   <see cref="ShardBytes"/> long, so a word costs one small file and the browser finds it by
///   a binary search over the first stems;
/// - search/p/N.js, page file N: the title, URL and section texts (for snippets) of a run of
///   pages, about <see cref="PageFileBytes"/> long;
/// - search/k/N.js, keyword file N: the keywords of a run of pages (<see cref="KeywordCode"/>),
///   about <see cref="KeywordFileBytes"/> long, which a search of several words loads for its
///   first results to rank again the pages that resemble the best of them;
/// - search/r/N.js, the rest of shard N: for each term with more postings than its shard holds
///   (<see cref="SearchIndexBuilder.ShardPostings"/>), the others, which only a query of several
///   words loads.
/// Postings are written compactly (<see cref="PostingCode"/>): a few characters each.
/// Packing by size rather than by letters keeps the number of files low (creating files is what
/// a large build spends most of its system time on) while a first search stays small.
/// </summary>
public static class WriteSearchIndex
{
    /// <summary>
    /// Section text kept for snippets and phrase checks: generous on ordinary sites, so a
    /// snippet can show the match, and short on very large ones, where it dominates the index.
    /// </summary>
    public static int StoredText(int pageCount) => pageCount > LargeSiteFromPages ? 240 : 2000;

    /// <summary>Above this many pages, each section keeps only a short text (<see cref="StoredText"/>).</summary>
    public const int LargeSiteFromPages = 2000;

    /// <summary>A term shard is closed once it holds about this many bytes.</summary>
    public const int ShardBytes = 12 * 1024;

    /// <summary>
    /// Pages share a file so that one file holds about this many bytes (one page per file when
    /// pages are large). Each result shown loads its page's file, and each file is one more for a
    /// build to create: at 10,000 pages, 2 KB made one file a page (10,068 files) and the eight
    /// results of a first search 15-17 KB; 4 KB makes three pages a file (3,356 files, a 10,000-page
    /// build 17% faster by the wall clock) and those results 29-34 KB, the whole first search still
    /// a third of Pagefind's (docs/benchmarks.md, "Native sitegen").
    /// </summary>
    public const int PageFileBytes = 4 * 1024;

    /// <summary>
    /// Keyword files are small: a search loads the files of its first 30 results' pages, which
    /// lie anywhere in the site, so each file brings few pages it does not need.
    /// </summary>
    public const int KeywordFileBytes = 1024;

    /// <summary>
    /// Keyword files are written for sites of this many pages or more. Search ranks its first
    /// results again by their likeness to the best ten pages; on a smaller site those ten are most
    /// of the site, what they share is the site's own vocabulary, and the pages that cover
    /// everything would rise above the page that answers (this repository's site: "side effects"
    /// put the evidence table above the side-effects section).
    /// </summary>
    public const int KeywordsFromPages = 100;

    /// <summary>The manifest, the one index file search.js loads first.</summary>
    public const string ManifestPath = "search/index.js";

    /// <summary>
    /// An index data file (a term shard, page file or rest file): pages never link to one, and the
    /// set changes with almost every edit; the manifest is not one.
    /// </summary>
    public static bool IsDataFile(string outputPath) =>
        outputPath.StartsWith("search/", StringComparison.Ordinal) && outputPath != ManifestPath;

    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The search box's messages, by the name search.js asks for and the key of the theme's strings.</summary>
    public static readonly (string Name, string Key)[] Messages =
    [
        ("noResults", "search_no_results"), ("didYouMean", "search_did_you_mean"), ("resultCountOne", "search_result_count_one"),
        ("resultCountOther", "search_result_count_other"), ("resultsForOne", "search_results_for_one"), ("resultsForOther", "search_results_for_other"),
        ("prompt", "search_prompt"), ("searching", "searching"), ("notOnSite", "search_not_on_site"),
    ];

    /// <summary>
    /// The manifest, the term shards, the page files, the shards' rest files and the keyword files, made in parallel. With a staging folder
    /// each file is written there as soon as it is made, and its document carries no bytes: the
    /// index's 25 MB (at 10,000 pages) is then never held in memory, nor allocated as large
    /// blocks that would cost a full garbage collection.
    /// </summary>
    /// <param name="words">The theme's words: the search box's messages travel in the manifest, read only by those who search.</param>
    public static IReadOnlyList<Document> Files(SearchIndex index, ParallelOptions? parallelism = null, IStagedOutput? staging = null, Words? words = null)
    {
        parallelism ??= new ParallelOptions();
        var shards = Shards(index.Terms, parallelism);
        var perFile = PagesPerFile(index.Pages);
        var pageFiles = (index.Pages.Count + perFile - 1) / perFile;
        // The shards some of whose terms have more postings than a shard holds: they get a rest file.
        var withRest = Enumerable.Range(0, shards.Count).Where(n => shards[n].Any(t => t.Postings.Count > SearchIndexBuilder.ShardPostings)).ToArray();
        var perKeywordFile = index.Pages.Count >= KeywordsFromPages ? PagesPerKeywordFile(index.Keywords) : 0; // 0: none
        var keywordFiles = perKeywordFile == 0 ? 0 : (index.Pages.Count + perKeywordFile - 1) / perKeywordFile;
        // Data files in one numbering: shards, then page files, then rest files, then keyword files.
        var (pagesFrom, restFrom, keywordsFrom) = (shards.Count, shards.Count + pageFiles, shards.Count + pageFiles + withRest.Length);
        var files = new Document[1 + keywordsFrom + keywordFiles];
        files[0] = File(ManifestPath, "manifest", null, new ScriptWriter(staging), writer => WriteManifest(writer, index, shards, perFile, perKeywordFile, words));
        Workers.For(keywordsFrom + keywordFiles, parallelism, _ => new ScriptWriter(staging), (n, script) =>
            files[1 + n] = n < pagesFrom
                ? File($"search/t/{n}.js", "shard", n, script, writer => WriteShard(writer, shards[n], script.Code))
                : n < restFrom
                    ? File($"search/p/{n - pagesFrom}.js", "pages", n - pagesFrom, script,
                        writer => WritePages(writer, index.Pages, (n - pagesFrom) * perFile, perFile))
                    : n < keywordsFrom
                        ? File($"search/r/{withRest[n - restFrom]}.js", "rest", withRest[n - restFrom], script,
                            writer => WriteRest(writer, shards[withRest[n - restFrom]], script.Code))
                        : File($"search/k/{n - keywordsFrom}.js", "keywords", n - keywordsFrom, script,
                            writer => WriteKeywords(writer, index.Keywords, (n - keywordsFrom) * perKeywordFile, perKeywordFile, script.Code)));
        return files;
    }

    private static void WriteManifest(Utf8JsonWriter writer, SearchIndex index, IReadOnlyList<IReadOnlyList<IndexTerm>> shards, int perFile, int perKeywordFile, Words? words)
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", 5);
        writer.WriteNumber("pages", index.Pages.Count);
        writer.WriteNumber("pagesPerFile", perFile);
        writer.WriteNumber("pagesPerKeywordFile", perKeywordFile);
        // One space-separated string (stems never hold spaces): it keeps the manifest small.
        writer.WriteString("shards", string.Join(' ', shards.Select(s => s[0].Stem)));
        writer.WriteStartArray("stop");
        foreach (var word in SearchText.StopWords) writer.WriteStringValue(word);
        writer.WriteEndArray();
        if (words is not null)
        {
            writer.WriteStartObject("words");
            foreach (var (name, key) in Messages) writer.WriteString(name, words.Text(key));
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>A shard: each term's words, its best postings, and 1 when more are in the rest file.</summary>
    private static void WriteShard(Utf8JsonWriter writer, IReadOnlyList<IndexTerm> shard, StringBuilder code)
    {
        writer.WriteStartObject();
        foreach (var term in shard)
        {
            var postings = PostingsOf(term);
            writer.WriteStartArray(term.Stem);
            writer.WriteStringValue(string.Join(' ', term.Words));
            writer.WriteStringValue(PostingCode.Encode(postings[..Math.Min(postings.Length, SearchIndexBuilder.ShardPostings)], code));
            if (postings.Length > SearchIndexBuilder.ShardPostings) writer.WriteNumberValue(1);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    /// <summary>The rest of a shard: for each term with more postings than the shard holds, the others.</summary>
    private static void WriteRest(Utf8JsonWriter writer, IReadOnlyList<IndexTerm> shard, StringBuilder code)
    {
        writer.WriteStartObject();
        foreach (var term in shard)
        {
            var postings = PostingsOf(term);
            if (postings.Length > SearchIndexBuilder.ShardPostings)
                writer.WriteString(term.Stem, PostingCode.Encode(postings[SearchIndexBuilder.ShardPostings..], code));
        }
        writer.WriteEndObject();
    }

    /// <summary>A keyword file: the keyword codes of up to <paramref name="count"/> pages from <paramref name="first"/> on.</summary>
    private static void WriteKeywords(Utf8JsonWriter writer, PageKeywords keywords, int first, int count, StringBuilder code)
    {
        writer.WriteStartArray();
        for (var p = first; p < Math.Min(first + count, keywords.Pages); p++) writer.WriteStringValue(KeywordCode.Encode(keywords.Of(p), code));
        writer.WriteEndArray();
    }

    /// <summary>How many pages share a keyword file: about <see cref="KeywordFileBytes"/> of the average page's keywords, at least one.</summary>
    public static int PagesPerKeywordFile(PageKeywords keywords)
    {
        if (keywords.Pages == 0) return 1;
        // About four characters a keyword (term distance and step) and three for the best score and quotes.
        var average = 6 + 4 * keywords.Count.Average();
        return Math.Max(1, (int)Math.Round(KeywordFileBytes / average));
    }

    /// <summary>The terms (already in ordinal order of stem) cut into runs of about <see cref="ShardBytes"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<IndexTerm>> Shards(IReadOnlyList<IndexTerm> terms, ParallelOptions parallelism)
    {
        // Sizing every term of the site is most of the work; it is done in parallel, the cutting in order.
        var sizes = new int[terms.Count];
        Parallel.For(0, terms.Count, parallelism, t => sizes[t] = EstimatedBytes(terms[t]));
        var shards = new List<IReadOnlyList<IndexTerm>>();
        var current = new List<IndexTerm>();
        var bytes = 0;
        for (var t = 0; t < terms.Count; t++)
        {
            current.Add(terms[t]);
            bytes += sizes[t];
            if (bytes < ShardBytes) continue;
            shards.Add(current);
            (current, bytes) = ([], 0);
        }
        if (current.Count > 0) shards.Add(current);
        return shards;
    }

    /// <summary>How many pages share a page file: about <see cref="PageFileBytes"/> of the average page, at least one.</summary>
    public static int PagesPerFile(IReadOnlyList<SearchPage> pages)
    {
        if (pages.Count == 0) return 1;
        var average = pages.Average(p => (double)EstimatedBytes(p));
        return Math.Max(1, (int)Math.Round(PageFileBytes / average));
    }

    // Sizes as written, near enough to pack files: characters plus the JSON punctuation around them.
    // Plain loops: this runs over every posting of the site.
    private static int EstimatedBytes(IndexTerm term)
    {
        var bytes = term.Stem.Length + 8;
        foreach (var word in term.Words) bytes += word.Length + 1;
        // The shard holds the best postings only, a few characters each (PostingCode).
        return bytes + 3 + 5 * Math.Min(term.Postings.Count, SearchIndexBuilder.ShardPostings);
    }

    private static int EstimatedBytes(SearchPage page) =>
        page.OutputPath.Length + page.Title.Length + 32 + page.Sections.Sum(s => s.Heading.Length + s.Anchor.Length + s.Text.Length + 12);

    /// <summary>A term's postings as a span: the builder makes them as an array, and a span is walked without an enumerator.</summary>
    private static ReadOnlySpan<Posting> PostingsOf(IndexTerm term) => term.Postings as Posting[] ?? [.. term.Postings];


    /// <summary>Page file contents: up to <paramref name="count"/> pages from <paramref name="first"/> on.</summary>
    private static void WritePages(Utf8JsonWriter writer, IReadOnlyList<SearchPage> pages, int first, int count)
    {
        writer.WriteStartArray();
        for (var p = first; p < Math.Min(first + count, pages.Count); p++) WritePage(writer, pages[p]);
        writer.WriteEndArray();
    }

    private static void WritePage(Utf8JsonWriter writer, SearchPage page)
    {
        writer.WriteStartObject();
        writer.WriteString("url", page.OutputPath);
        writer.WriteString("title", page.Title);
        writer.WriteStartArray("sections");
        foreach (var section in page.Sections)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(section.Heading);
            writer.WriteStringValue(section.Anchor);
            writer.WriteStringValue(section.Text); // already shortened by the builder
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// A buffer and JSON writer that one worker reuses from file to file, and the blocks that
    /// keep the finished files' bytes: a few large arrays, which the garbage collector never
    /// moves, rather than thousands of strings it would copy while the site is written.
    /// </summary>
    private sealed class ScriptWriter
    {
        /// <summary>Where finished files go at once; without it they are kept in the blocks.</summary>
        public readonly IStagedOutput? Staging;

        private const int BlockBytes = 4 << 20;
        public readonly ArrayBufferWriter<byte> Buffer = new(16 * 1024);
        public readonly StringBuilder Code = new(1024);   // one term's postings at a time
        public readonly Utf8JsonWriter Json;
        private byte[] _block = [];
        private int _used;

        public ScriptWriter(IStagedOutput? staging) => (Staging, Json) = (staging, new Utf8JsonWriter(Buffer, Options));

        /// <summary>The bytes written so far, kept in the current block.</summary>
        public ReadOnlyMemory<byte> Keep()
        {
            var bytes = Buffer.WrittenSpan;
            if (_used + bytes.Length > _block.Length)
            {
                // Blocks grow to BlockBytes, so a small site's index is not given megabytes.
                var size = Math.Max(bytes.Length, Math.Clamp(_block.Length * 2, 128 * 1024, BlockBytes));
                (_block, _used) = (GC.AllocateUninitializedArray<byte>(size), 0);
            }
            bytes.CopyTo(_block.AsSpan(_used));
            _used += bytes.Length;
            return _block.AsMemory(_used - bytes.Length, bytes.Length);
        }
    }

    /// <summary>A script that passes the JSON to SiteGenSearch.callback, after the file's number when it has one.</summary>
    private static Document File(string path, string callback, int? number, ScriptWriter script, Action<Utf8JsonWriter> body)
    {
        script.Buffer.ResetWrittenCount();
        Encoding.UTF8.GetBytes($"SiteGenSearch.{callback}({(number is { } n ? n + "," : "")}", script.Buffer);
        script.Json.Reset(script.Buffer);
        body(script.Json);
        script.Json.Flush();
        Encoding.UTF8.GetBytes(");\n", script.Buffer);
        var file = new Document { SourcePath = "", OutputPath = path, Kind = DocumentKind.GeneratedFile };
        if (script.Staging is null) return file with { Utf8 = script.Keep() };
        script.Staging.WriteBytes(path, script.Buffer.WrittenSpan);
        return file with { Staged = true };
    }
}
