using Microsoft.Playwright;
using SiteGen.Build;
using SiteGen.Engine;

namespace SiteGen.BrowserTests.Support;

/// <summary>
/// The real site built once into a temp folder and served under /docs/ on 127.0.0.1, and one
/// Debian Chromium started through Playwright, shared by every collection of the run (each test
/// opens its own browser context, so they do not see each other). Tests open pages either over
/// HTTP or straight from disk (file://).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string MissingMessage = "Chromium is not installed; install it with: sudo apt-get install -y chromium";

    public static bool ChromiumMissingLocally =>
        !File.Exists(ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string Output => Shared.Output;
    public StaticServer Server => Shared.Server;
    public IPlaywright Playwright => Shared.Playwright;
    public IBrowser Browser => Shared.Browser;

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Every HTML page of the built site, relative to the output folder.</summary>
    public IReadOnlyList<string> Pages => Shared.Pages;

    /// <summary>The pages a reader can open with <paramref name="host"/>: 404.html only ever comes from a server, for a missing address.</summary>
    public IReadOnlyList<string> PagesFor(Host host) => host == Host.File ? [.. Pages.Where(p => p != "404.html")] : Pages;

    /// <summary>What every collection shares: made by the first to start, closed when the test run ends.</summary>
    private sealed record Run(string Output, StaticServer Server, IPlaywright Playwright, IBrowser Browser, IReadOnlyList<string> Pages);

    private static readonly Lazy<Task<Run>> Started = new(StartAsync);
    private Run Shared { get; set; } = null!;

    public async Task InitializeAsync()
    {
        if (ChromiumMissingLocally) return;
        Shared = await Started.Value;
    }

    private static async Task<Run> StartAsync()
    {
        var output = Path.Combine(Path.GetTempPath(), "sitegen-browser", Guid.NewGuid().ToString("N"), "output");
        // Built as the shipped workflow builds for a subpath: with the address it is served at, which
        // 404.html needs, since the server answers it for a missing page at any depth.
        var server = new StaticServer(output);
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(RepoRoot, "input"), output, Path.Combine(RepoRoot, "theme"), server.BaseUrl), Log.Silent);
        if (result.ExitCode != 0)
            throw new InvalidOperationException("the site did not build: " + string.Join("\n", result.Diagnostics));
        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        // xunit 2 has no fixture for the whole run: close the browser and delete the site when the process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { browser.CloseAsync().Wait(TimeSpan.FromSeconds(10)); } catch (Exception) { /* the run is over either way */ }
            playwright.Dispose();
            server.Dispose();
            try { Directory.Delete(Path.GetDirectoryName(output)!, recursive: true); } catch (IOException) { }
        };
        return new Run(output, server, playwright, browser, pages);
    }

    /// <summary>The URL of a page over HTTP under /docs/, or from disk.</summary>
    public string Url(string page, Host host)
    {
        if (host == Host.Http) return Server.BaseUrl + page;
        var query = page.IndexOf('?');
        var path = query < 0 ? page : page[..query];
        return new Uri(Path.Combine(Output, path)).AbsoluteUri + (query < 0 ? "" : page[query..]);
    }

    public async Task<IPage> OpenAsync(string page, Host host, BrowserNewContextOptions? options = null)
    {
        var context = await Browser.NewContextAsync(options ?? new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 } });
        var tab = await context.NewPageAsync();
        await tab.GotoAsync(Url(page, host));
        return tab;
    }

    /// <summary>The shared browser and site outlive each collection; they are closed when the run ends.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("SiteGen.sln not found");
    }
}

/// <summary>How a page is opened: served under a subpath, or from a folder on disk.</summary>
public enum Host { Http, File }

// Five collections, run side by side (xunit.runner.json) over the one shared site and browser:
// the browser spends much of its time waiting, and one queue of tests left the cores idle.
[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

[CollectionDefinition(nameof(AccessibilityCollection))]
public sealed class AccessibilityCollection : ICollectionFixture<BrowserFixture>;

[CollectionDefinition(nameof(AccessibilityDarkCollection))]
public sealed class AccessibilityDarkCollection : ICollectionFixture<BrowserFixture>;

[CollectionDefinition(nameof(SearchCollection))]
public sealed class SearchCollection : ICollectionFixture<BrowserFixture>;

[CollectionDefinition(nameof(PagesCollection))]
public sealed class PagesCollection : ICollectionFixture<BrowserFixture>;
