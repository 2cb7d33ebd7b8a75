using Microsoft.Playwright;
using SiteGen.Build;
using SiteGen.Engine;

namespace SiteGen.BrowserTests.Support;

/// <summary>
/// Builds the real site once into a temp folder, serves it under /docs/ on 127.0.0.1, and starts
/// Debian's Chromium through Playwright with a fresh profile. Tests open pages either over HTTP
/// or straight from disk (file://).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string MissingMessage = "Chromium is not installed; install it with: sudo apt-get install -y chromium";

    public static bool ChromiumMissingLocally =>
        !File.Exists(ChromiumPath) && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string Output { get; } = Path.Combine(Path.GetTempPath(), "sitegen-browser", Guid.NewGuid().ToString("N"), "output");
    public StaticServer Server { get; private set; } = null!;
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public static string RepoRoot { get; } = FindRoot();

    /// <summary>Every HTML page of the built site, relative to the output folder.</summary>
    public IReadOnlyList<string> Pages { get; private set; } = [];

    public async Task InitializeAsync()
    {
        if (ChromiumMissingLocally) return;
        var result = SiteBuilder.Build(new BuildOptions(Path.Combine(RepoRoot, "input"), Output, Path.Combine(RepoRoot, "theme")), Log.Silent);
        if (result.ExitCode != 0)
            throw new InvalidOperationException("the site did not build: " + string.Join("\n", result.Diagnostics));
        Pages = Directory.EnumerateFiles(Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Output, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        Server = new StaticServer(Output);
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
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

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        Playwright?.Dispose();
        Server?.Dispose();
        try { Directory.Delete(Path.GetDirectoryName(Output)!, recursive: true); } catch (IOException) { }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("SiteGen.sln not found");
    }
}

/// <summary>How a page is opened: served under a subpath, or from a folder on disk.</summary>
public enum Host { Http, File }

// Five collections, each with its own built site and browser, so xunit runs them side by side
// (one per core) instead of one long queue: the browser spends much of its time waiting.
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
