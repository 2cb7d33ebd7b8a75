using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>Runs the real `sitegen` program as a user would, and checks what it prints and returns.</summary>
public class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(string folder, params string[] args) => SitegenProcess.Run(folder, args);

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void Build_prints_one_summary_line_and_exits_zero()
    {
        using var site = TempSite.CopyOfRealSite();
        var (code, stdout, stderr) = Run(site.Root, "build");
        Assert.Equal(0, code);
        Assert.Matches(@"^sitegen: built 15 pages, \d+ files in \d+ ms \(2 warnings\) -> output\n$", stdout.Replace("\r", ""));
        Assert.Matches(@"(?m)^input/citations.json:\d+:1: warning: citation 'fda2019spravato' has no DOI, PMID or URL", stderr);
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void Verbose_prints_a_timing_line_per_module_with_its_CPU_time()
    {
        using var site = TempSite.CopyOfRealSite();
        var (code, stdout, _) = Run(site.Root, "build", "--verbose");
        Assert.Equal(0, code);
        foreach (var module in new[] { "ReadPages", "CheckOutputPaths", "CheckLinks", "PublishSite" })
            Assert.Matches($@"(?m)^\s+\w+\s+{module}\s+[\d.]+ ms  \(CPU \d+ ms, allocated \d+ MB, garbage collection \d+ ms", stdout);
        // Modules streamed page by page report the time they took and the memory they allocated, summed over the workers.
        foreach (var module in new[] { "ParseFrontMatter", "AssignUrls", "RenderMarkdown", "MinifyThemeAssets", "RenderCallout", "CheckReadingGrade", "CheckUndefinedTerms", "BuildNavigation", "ApplyLayout", "ReadPageFacts", "StageFile" })
            Assert.Matches($@"(?m)^\s+{module}\s+[\d.]+ ms of worker time, allocated \d+ MB$", stdout);
    }

    /// <summary>
    /// The program keeps its minified theme files where SITEGEN_CACHE_DIR says (else the user's cache
    /// folder) and takes them from there in the next build, with the same bytes; --cache-dir "" keeps nothing.
    /// </summary>
    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void Builds_keep_the_minified_theme_files_in_the_cache_folder_the_environment_names()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        var cache = Path.Combine(site.Root, "kept");
        var environment = new Dictionary<string, string> { [SiteGen.Engine.DiskCache.Variable] = cache };
        var (code, stdout, stderr) = SitegenProcess.Run(site.Root, environment, "build", "--output", "first", "--verbose");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("taken from the cache", stdout);
        Assert.True(Directory.GetFiles(Path.Combine(cache, "minified")).Length >= 2, "an entry for search.js and one for site.css");
        (code, stdout, stderr) = SitegenProcess.Run(site.Root, environment, "build", "--output", "second", "--verbose");
        Assert.True(code == 0, stderr);
        Assert.Contains($"minify assets/search.js: taken from the cache in {cache}", stdout);
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Root, "first", "assets", "search.js")), File.ReadAllBytes(Path.Combine(site.Root, "second", "assets", "search.js")));
        (code, stdout, stderr) = SitegenProcess.Run(site.Root, environment, "build", "--output", "third", "--verbose", "--cache-dir", "");
        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("taken from the cache", stdout);
        Assert.Equal(File.ReadAllBytes(Path.Combine(site.Root, "first", "assets", "search.js")), File.ReadAllBytes(Path.Combine(site.Root, "third", "assets", "search.js")));
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void Content_errors_print_compiler_style_lines_without_a_stack_trace_and_exit_one()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nSee [x](nowhere.md).\n"));
        var (code, _, stderr) = Run(site.Root, "build");
        Assert.Equal(1, code);
        Assert.Contains("input/index.md:4:5: error: page 'nowhere.md' not found", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void Usage_errors_exit_two()
    {
        using var site = TempSite.CopyOfRealSite();
        Assert.Equal(2, Run(site.Root, "build", "--no-such-option").Code);
        Assert.Equal(2, Run(site.Root, "build", "--input", "missing-folder").Code);
        var (code, _, stderr) = Run(site.Root, "build", "--output", "input");
        Assert.Equal(2, code);
        Assert.Contains("contains, the input folder", stderr);
    }

    [Trait("Category", SitegenProcess.Category)]
    [PosixFact]
    public async Task Serve_stops_cleanly_on_sigterm_even_with_a_page_listening_for_reloads()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHello.\n"));
        var port = FreePort();
        using var server = System.Diagnostics.Process.Start(SitegenProcess.StartInfo(site.Root, "serve", "--port", port.ToString()))!;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var address = $"http://127.0.0.1:{port}/";
        for (var i = 0; i < 300 && !server.HasExited; i++)
        {
            try { await http.GetStringAsync(address); break; } catch (HttpRequestException) { await Task.Delay(100); }
        }
        using var events = new StreamReader(await http.GetStreamAsync(address + "__sitegen/events"));
        Assert.Equal(": connected", await events.ReadLineAsync());

        System.Diagnostics.Process.Start("kill", ["-TERM", server.Id.ToString()])!.WaitForExit();
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(10)), "serve did not stop within 10 s of SIGTERM");
        Assert.Equal(0, server.ExitCode);
    }

    /// <summary>
    /// The program (the natively compiled one when SITEGEN_EXE names it) builds this repository's
    /// site byte for byte as the library the other tests drive does.
    /// </summary>
    [Fact]
    [Trait("Category", SitegenProcess.Category)]
    public void The_program_builds_this_repositorys_site_byte_for_byte_as_the_library_does()
    {
        using var site = TempSite.CopyOfRealSite();
        var (code, _, stderr) = Run(site.Root, "build", "--input", "input", "--output", "by-program", "--theme", Repo.Theme);
        Assert.True(code == 0, stderr);
        var library = SiteGen.Build.SiteBuilder.Build(new SiteGen.Build.BuildOptions(site.Input, Path.Combine(site.Root, "by-library"), Repo.Theme), Log.Silent);
        Assert.Equal(0, library.ExitCode);
        static string[] Files(string folder) =>
            [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(folder, f)).Order(StringComparer.Ordinal)];
        var files = Files(Path.Combine(site.Root, "by-library"));
        Assert.True(files.Length > 40, $"{files.Length} files");
        Assert.Equal(files, Files(Path.Combine(site.Root, "by-program")));
        foreach (var file in files)
            Assert.True(File.ReadAllBytes(Path.Combine(site.Root, "by-library", file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(site.Root, "by-program", file))),
                $"{file} differs");
        // Accents are folded for search as in the browser: the program once skipped this (no ICU), so "Debowska" found nothing.
        Assert.Contains("\"debowska\":", string.Concat(Directory.GetFiles(Path.Combine(site.Root, "by-program", "search", "t")).Select(File.ReadAllText)));
    }

    [PosixFact]
    [Trait("Category", SitegenProcess.Category)]
    public async Task Serve_rebuilds_an_edited_page_and_tells_open_pages_to_reload()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHello.\n"), ("about.md", "---\ntitle: About\n---\nFirst words.\n"));
        var port = FreePort();
        using var server = System.Diagnostics.Process.Start(SitegenProcess.StartInfo(site.Root, "serve", "--port", port.ToString()))!;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            var address = $"http://127.0.0.1:{port}/";
            for (var i = 0; i < 300 && !server.HasExited; i++)
            {
                try { await http.GetStringAsync(address); break; } catch (HttpRequestException) { await Task.Delay(100); }
            }
            Assert.Contains("First words.", await http.GetStringAsync(address + "about.html"));
            using var events = new StreamReader(await http.GetStreamAsync(address + "__sitegen/events"));
            Assert.Equal(": connected", await events.ReadLineAsync());
            site.Write("about.md", "---\ntitle: About\n---\nSecond words.\n");
            string? line = null;
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            for (var i = 0; i < 20 && line != "event: reload"; i++) line = await events.ReadLineAsync(wait.Token);
            Assert.Equal("event: reload", line);
            Assert.Contains("Second words.", await http.GetStringAsync(address + "about.html"));
        }
        finally
        {
            server.Kill();
            server.WaitForExit(10_000);
        }
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }
}
