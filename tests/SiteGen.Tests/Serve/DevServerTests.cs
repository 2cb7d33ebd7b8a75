using System.Net.Sockets;
using System.Text;
using SiteGen.Build;
using SiteGen.Engine;
using SiteGen.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>`sitegen serve` over HTTP on loopback: files, path traversal, live reload and the error overlay.</summary>
public sealed class DevServerTests : IAsyncLifetime
{
    private readonly TempSite _site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\n## Intro\n\nFirst version.\n"));
    private DevServer _server = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task InitializeAsync()
    {
        _server = new DevServer(new BuildOptions(_site.Input, _site.Output, _site.Theme), "127.0.0.1", 0, Log.Silent, TimeSpan.FromMilliseconds(100));
        await _server.StartAsync();
    }

    [Fact]
    public async Task Serves_the_site_from_memory_on_loopback_with_the_live_reload_script()
    {
        Assert.StartsWith("http://127.0.0.1:", _server.Address);
        var home = await _http.GetStringAsync(_server.Address);
        Assert.Contains("First version.", home);
        Assert.Contains("<script src=\"/__sitegen/live.js\" defer></script>", home);
        Assert.Contains("EventSource", await _http.GetStringAsync(_server.Address + "__sitegen/live.js"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await _http.GetAsync(_server.Address + "assets/site.css")).StatusCode);
        Assert.False(Directory.Exists(_site.Output), "serve builds in memory and writes nothing");
    }

    [Theory]
    [InlineData("/../site.yml")]
    [InlineData("/%2e%2e/site.yml")]
    [InlineData("/assets/..%2f..%2fsite.yml")]
    [InlineData("/..\\site.yml")]
    [InlineData("/missing.html")]
    public async Task Paths_outside_the_site_or_unknown_get_404(string path)
    {
        var response = await RawGet(_server.Address, path, new Uri(_server.Address).Authority);
        Assert.True(response.StartsWith("HTTP/1.1 404", StringComparison.Ordinal) || response.StartsWith("HTTP/1.1 400", StringComparison.Ordinal), response.Split('\n')[0]);
        Assert.DoesNotContain("title: Test site", response);
    }

    [Theory]
    [InlineData("/", "index.html")]
    [InlineData("/evidence/", "evidence/index.html")]
    [InlineData("/evidence/trial.html", "evidence/trial.html")]
    [InlineData("/../x", null)]
    [InlineData("/a/%2E%2E/x", null)]
    public void Request_paths_map_to_site_files_only_when_plainly_inside(string request, string? expected) =>
        Assert.Equal(expected, DevServer.ToOutputPath(request));

    [Fact]
    public async Task An_edit_sends_a_reload_and_a_mistake_shows_errors_while_the_last_good_page_stays_up()
    {
        using var events = await OpenEvents();

        _site.Write("index.md", "---\ntitle: Home\n---\n## Intro\n\nSecond version.\n");
        Assert.Equal("event: reload", await NextEvent(events));
        Assert.Contains("Second version.", await _http.GetStringAsync(_server.Address + "index.html"));

        _site.Write("index.md", "---\ntitle: Home\n---\nSee [x](nowhere.md).\n");
        Assert.Equal("event: errors", await NextEvent(events));
        var data = await events.ReadLineAsync();
        Assert.Contains("page 'nowhere.md' not found", data);
        Assert.Contains("Second version.", await _http.GetStringAsync(_server.Address + "index.html"));
    }

    /// <summary>The search index is kept as bytes and sent as it is: the words of an edit are found in it, over HTTP, once the page has reloaded.</summary>
    [Fact]
    public async Task The_search_index_is_served_as_made_and_follows_an_edit()
    {
        using var events = await OpenEvents();
        _site.Write("index.md", "---\ntitle: Home\n---\n## Intro\n\nZygomorphic flowers.\n");
        Assert.Equal("event: reload", await NextEvent(events));
        var manifest = await _http.GetStringAsync(_server.Address + "search/index.js");
        Assert.StartsWith("SiteGenSearch.manifest(", manifest);
        string shards = "";
        for (var i = 0; i < 50 && !shards.Contains("\"zygomorph", StringComparison.Ordinal); i++) // the index follows the reload
        {
            await Task.Delay(100);
            shards = string.Concat(await Task.WhenAll(Enumerable.Range(0, 8).Select(async n =>
            {
                using var response = await _http.GetAsync(_server.Address + $"search/t/{n}.js");
                return response.IsSuccessStatusCode ? Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()) : "";
            })));
        }
        Assert.Contains("\"zygomorph", shards);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("rebind.attacker.example:5080")]
    public async Task A_request_addressed_to_another_host_name_is_refused(string host)
    {
        var response = await RawGet(_server.Address, "/", host);
        Assert.StartsWith("HTTP/1.1 403", response);
        Assert.DoesNotContain("First version.", response);
        Assert.StartsWith("HTTP/1.1 200", await RawGet(_server.Address, "/", "localhost"));
    }

    [Fact]
    public async Task A_host_name_given_with_allowed_host_is_answered()
    {
        await using var server = new DevServer(new BuildOptions(_site.Input, _site.Output, _site.Theme), "127.0.0.1", 0, Log.Silent,
            TimeSpan.FromMilliseconds(100), allowedHosts: ["docs.internal"]);
        await server.StartAsync();
        var response = await RawGet(server.Address, "/", "docs.internal:8080");
        Assert.StartsWith("HTTP/1.1 200", response);
        Assert.Contains("First version.", response);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/assets/site.css")]
    [InlineData("/missing.html")]
    [InlineData("/__sitegen/live.js")]
    public async Task Every_response_carries_the_sites_csp_and_nosniff(string path)
    {
        using var response = await _http.GetAsync(_server.Address + path.TrimStart('/'));
        Assert.Equal("nosniff", string.Join(",", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.StartsWith("default-src 'none'; script-src 'self'", string.Join(",", response.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task A_file_swapped_for_a_link_out_of_the_input_folder_is_not_served()
    {
        using var events = await OpenEvents();
        _site.Write("notes.txt", "public notes");
        Assert.Equal("event: reload", await NextEvent(events));
        Assert.Equal("public notes", await _http.GetStringAsync(_server.Address + "notes.txt"));

        var secret = Path.Combine(_site.Root, "secret.txt");
        File.WriteAllText(secret, "TOKEN=hunter2");
        File.Delete(Path.Combine(_site.Input, "notes.txt"));
        File.CreateSymbolicLink(Path.Combine(_site.Input, "notes.txt"), secret);
        Assert.Equal("event: errors", await NextEvent(events));
        using var response = await _http.GetAsync(_server.Address + "notes.txt");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("hunter2", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_page_that_collides_with_a_generated_page_is_reported_and_the_last_good_site_stays_up()
    {
        using var events = await OpenEvents();
        _site.Write("search.md", "---\ntitle: My search\n---\nMine.\n");
        Assert.Equal("event: errors", await NextEvent(events));
        Assert.Contains("this page would be published as search.html, which the site already generates (the search page); rename it.",
            await events.ReadLineAsync());
        Assert.DoesNotContain("Mine.", await _http.GetStringAsync(_server.Address + "search.html"));
        Assert.Contains("First version.", await _http.GetStringAsync(_server.Address));
    }

    /// <summary>A request sent over a raw socket, so no client tidies the path or the Host header before the server sees them.</summary>
    private static async Task<string> RawGet(string address, string path, string host)
    {
        var uri = new Uri(address);
        using var client = new TcpClient();
        await client.ConnectAsync(uri.Host, uri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"));
        return await new StreamReader(stream).ReadToEndAsync();
    }

    /// <summary>The live-reload event stream, once the server has said it is connected.</summary>
    private async Task<StreamReader> OpenEvents()
    {
        var events = new StreamReader(await _http.GetStreamAsync(_server.Address + "__sitegen/events"));
        Assert.Equal(": connected", await events.ReadLineAsync());
        return events;
    }

    private static async Task<string> NextEvent(StreamReader events)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var line = await events.ReadLineAsync(timeout.Token) ?? throw new InvalidOperationException("the event stream closed");
            if (line.StartsWith("event: ", StringComparison.Ordinal)) return line;
        }
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
        _site.Dispose();
    }
}
