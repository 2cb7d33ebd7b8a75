using SiteGen.Build;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Theme;

/// <summary>The theme's scripts and style sheets reach readers minified; the theme keeps the readable source.</summary>
public class MinifiedAssetsTests
{
    [Fact]
    public void The_search_script_and_style_sheet_are_published_at_under_half_and_under_nine_tenths_of_their_source()
    {
        using var site = OnePageSite();
        Assert.Equal(0, site.Build().ExitCode);
        var script = File.ReadAllText(Path.Combine(site.Theme, "assets", "search.js"));
        var published = site.ReadOutput("assets/search.js");
        Assert.True(published.Length < script.Length / 2, $"search.js published at {published.Length} of {script.Length} characters");
        Assert.DoesNotContain("// ", published);
        Assert.Contains("window.SiteGenSearch", published);  // the page's hook stays (the browser tests run the published file)
        var sheet = File.ReadAllText(Path.Combine(site.Theme, "assets", "site.css"));
        var publishedSheet = site.ReadOutput("assets/site.css");
        Assert.True(publishedSheet.Length < sheet.Length * 9 / 10, $"site.css published at {publishedSheet.Length} of {sheet.Length} characters");
        Assert.DoesNotContain("/*", publishedSheet);
    }

    [Fact]
    public void A_script_the_minifier_cannot_read_is_published_as_written_with_a_warning_at_its_line()
    {
        using var site = OnePageSite();
        const string broken = "window.ok = 1;\nfunction (\n";
        site.WriteTheme("assets/site.js", broken);
        var result = site.Build();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(broken, site.ReadOutput("assets/site.js"));
        var warning = Assert.Single(result.Diagnostics, d => d.File.EndsWith("site.js"));
        Assert.Equal(2, warning.Line);
        Assert.StartsWith("published as written, not minified: the minifier stopped here (", warning.Message);
    }

    private static TempSite OnePageSite() => TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));

    /// <summary>A build with a cache folder, its --verbose lines returned.</summary>
    private static (BuildResult Result, string Log) BuildWithCache(TempSite site, string output, string? cache)
    {
        var log = new StringWriter();
        var result = SiteBuilder.Build(new BuildOptions(site.Input, Path.Combine(site.Root, output), site.Theme, Verbose: true, CacheFolder: cache), new Log(log, verbose: true));
        Assert.True(result.ExitCode == 0, string.Join("\n", result.Diagnostics));
        return (result, log.ToString());
    }

    private static string Published(TempSite site, string output, string relative) => File.ReadAllText(Path.Combine(site.Root, output, relative));

    /// <summary>The cache's entry whose bytes are these, found by reading every entry as the build does.</summary>
    private static UInt128 EntryHolding(string cache, string text)
    {
        var disk = new DiskCache(cache);
        return Assert.Single(Directory.GetFiles(Path.Combine(cache, "minified")).Select(f => UInt128.Parse(Path.GetFileName(f), System.Globalization.NumberStyles.HexNumber)),
            key => disk.Read("minified", key) is { } bytes && System.Text.Encoding.UTF8.GetString(bytes.Span) == text);
    }

    [Fact]
    public void A_later_build_publishes_the_minified_files_the_first_kept_in_the_cache_folder()
    {
        using var site = OnePageSite();
        var cache = Path.Combine(site.Root, "cache");
        var (_, first) = BuildWithCache(site, "first", cache);
        Assert.DoesNotContain("taken from the cache", first);
        var script = Published(site, "first", "assets/search.js");
        var sheet = Published(site, "first", "assets/site.css");
        var scriptEntry = EntryHolding(cache, script.TrimEnd('\n'));
        EntryHolding(cache, sheet.TrimEnd('\n'));

        var (_, second) = BuildWithCache(site, "second", cache);
        Assert.Contains($"minify assets/search.js: taken from the cache in {cache}", second);
        Assert.Contains("minify assets/site.css: taken from the cache", second);
        Assert.Equal(script, Published(site, "second", "assets/search.js"));
        Assert.Equal(sheet, Published(site, "second", "assets/site.css"));

        // What is published is what the cache holds: an entry changed under the same key is what the next build publishes.
        new DiskCache(cache).Write("minified", scriptEntry, "window.SiteGenSearch={kept:1};"u8);
        BuildWithCache(site, "third", cache);
        Assert.Equal("window.SiteGenSearch={kept:1};\n", Published(site, "third", "assets/search.js"));
    }

    [Fact]
    public void A_changed_theme_file_is_minified_again_and_a_damaged_entry_is_made_again_not_published()
    {
        using var site = OnePageSite();
        var cache = Path.Combine(site.Root, "cache");
        BuildWithCache(site, "first", cache);
        var script = Published(site, "first", "assets/search.js");

        var entry = new DiskCache(cache).PathOf("minified", EntryHolding(cache, script.TrimEnd('\n')));
        var damaged = File.ReadAllBytes(entry);
        damaged[^3] ^= 0x20; // one changed letter, as a bad disk block would leave it
        File.WriteAllBytes(entry, damaged);
        var (_, log) = BuildWithCache(site, "second", cache);
        Assert.DoesNotContain("minify assets/search.js: taken from the cache", log);
        Assert.Equal(script, Published(site, "second", "assets/search.js"));
        EntryHolding(cache, script.TrimEnd('\n'));  // written again whole

        site.WriteTheme("assets/site.css", "body  {  color : #123456 ; }\n");
        BuildWithCache(site, "third", cache);
        Assert.Equal("body{color:#123456}\n", Published(site, "third", "assets/site.css"));
    }

    [Fact]
    public void A_cache_folder_that_cannot_be_written_costs_only_the_minifying()
    {
        using var site = OnePageSite();
        var notAFolder = Path.Combine(site.Root, "cache");
        File.WriteAllText(notAFolder, "a file where the cache folder would be");
        var (result, _) = BuildWithCache(site, "first", notAFolder);
        Assert.Empty(result.Diagnostics);
        var (_, log) = BuildWithCache(site, "second", notAFolder);
        Assert.DoesNotContain("taken from the cache", log);
        Assert.Equal(Published(site, "first", "assets/search.js"), Published(site, "second", "assets/search.js"));
        Assert.True(Published(site, "second", "assets/search.js").Length < File.ReadAllText(Path.Combine(site.Theme, "assets", "search.js")).Length / 2);
        Assert.Equal("a file where the cache folder would be", File.ReadAllText(notAFolder));
    }
}
