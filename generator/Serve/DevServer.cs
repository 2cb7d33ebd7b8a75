using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SiteGen.Build;
using SiteGen.Engine;

namespace SiteGen.Serve;

/// <summary>
/// `sitegen serve`: Kestrel on loopback serving the site from memory, rebuilt when input/ or
/// theme/ change, with pages reloaded over Server-Sent Events. Only files of the site are
/// served: a path that tries to climb out ("/../", encoded or not) gets a 404. It answers only
/// requests addressed to it by name (the Host header): a web page elsewhere cannot read drafts
/// through a DNS name rebound to 127.0.0.1. Every response carries the site's CSP and nosniff.
/// </summary>
public sealed class DevServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LiveSite _site;
    private readonly ReloadHub _hub = new();
    private readonly SiteWatcher _watcher;
    private readonly Log _log;

    public string Address { get; private set; } = "";

    // Read by JSON.parse and shown with textContent, so readable escaping is safe here.
    private static readonly JsonSerializerOptions EventJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The build's errors as a JSON array of strings, for the page's overlay.</summary>
    private string ErrorsJson() => new JsonArray([.. _site.Errors.Select(e => (JsonNode)e.ToString())]).ToJsonString(EventJson);

    private readonly HashSet<string> _allowedHosts;

    /// <param name="allowedHosts">Host names, besides localhost and the loopback addresses, that requests may be addressed to.</param>
    public DevServer(BuildOptions options, string host, int port, Log log, TimeSpan? quiet = null, IEnumerable<string>? allowedHosts = null)
    {
        _log = log;
        _allowedHosts = new HashSet<string>(["localhost", "127.0.0.1", "[::1]", "::1", .. allowedHosts ?? []], StringComparer.OrdinalIgnoreCase);
        if (IPAddress.TryParse(host, out var listening) && !listening.Equals(IPAddress.Any) && !listening.Equals(IPAddress.IPv6Any))
            _allowedHosts.Add(listening.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]" : host);
        _site = new LiveSite(options, log);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            if (host == "localhost") kestrel.ListenLocalhost(port);
            else kestrel.Listen(IPAddress.Parse(host), port);
        });
        _app = builder.Build();
        _app.Run(Handle);
        // An editor's save is a few writes within a millisecond or two (truncate and write, or write
        // and rename); a rebuild is shown only after 10 ms without a change, which it takes anyway.
        _watcher = new SiteWatcher([options.Input, options.Theme], quiet ?? TimeSpan.FromMilliseconds(10), Rebuild);
    }

    public async Task StartAsync()
    {
        Report(_site.Rebuild());
        _site.CompleteLater();
        IdleCollector.CollectBeforeTheNextRebuild(_site.LastAllocated);
        await _app.StartAsync();
        Address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/";
    }

    /// <summary>Rebuilds; shows the result and tells the open pages only when the files settled while it was made.</summary>
    private bool Rebuild(Func<bool> settled)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        // Caught halfway through a save: the watcher builds again once the files settle, and the
        // half-written page's findings are neither printed nor shown.
        if (_site.Rebuild(settled) is not { } result) return false;
        if (result.ExitCode == BuildResult.Success)
        {
            // Pages reload first; the findings are printed while they do (a site with a thousand
            // warnings took tens of milliseconds to print them, before any page was told).
            var elapsed = watch.ElapsedMilliseconds;
            _hub.Broadcast("reload", elapsed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Report(result);
            var (reused, made) = _site.LastBuild;
            _log.Info($"sitegen: rebuilt {result.PageCount} pages in {elapsed} ms ({made} steps redone, {reused} reused); reloading {_hub.Count} open page{(_hub.Count == 1 ? "" : "s")}");
            watch.Restart();
            _site.CompleteLater(); // the search index, after the pages are shown
            _log.Debug($"sitegen: search index brought up to date in {watch.ElapsedMilliseconds} ms; the rebuild allocated {_site.LastAllocated >> 20} MB");
            IdleCollector.CollectBeforeTheNextRebuild(_site.LastAllocated);
        }
        else
        {
            Report(result);
            _hub.Broadcast("errors", ErrorsJson());
        }
        return true;
    }

    private void Report(BuildResult result)
    {
        foreach (var diagnostic in result.Diagnostics) _log.Info(diagnostic.ToString());
    }

    private async Task Handle(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = SecurityHeaders.ContentSecurityPolicy + "; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (!_allowedHosts.Contains(context.Request.Host.Host))
        {
            await Send(context, 403, "text/plain; charset=utf-8",
                $"sitegen serve answers requests addressed to localhost or 127.0.0.1 only, not '{context.Request.Host.Host}'; " +
                "start it with --allowed-host NAME to allow another name.");
            return;
        }
        var path = context.Request.Path.Value ?? "/";
        if (path == LiveReloadScript.EventsPath) { await StreamEvents(context); return; }
        if (path == LiveReloadScript.Path)
        {
            await Send(context, 200, "text/javascript; charset=utf-8", LiveReloadScript.Source);
            return;
        }
        var outputPath = ToOutputPath(path);
        var file = outputPath is null ? null : _site.Find(outputPath);
        if (file is null)
        {
            var notFound = _site.Find("404.html");
            await Send(context, 404, "text/html; charset=utf-8", notFound?.Text is { } page ? WithLiveReload(page) : "Not found");
            return;
        }
        var type = ContentType(outputPath!);
        if (file.CopyFrom is { } source)
        {
            // The same rule as the build's, at the moment of serving: a file swapped for a link out of input/ is not served.
            if (SourceFiles.Problem(source, SourceFiles.MaxCopiedBytes) is not null) { await Send(context, 404, "text/plain; charset=utf-8", "Not found"); return; }
            await SendBytes(context, 200, type, await File.ReadAllBytesAsync(source.FullPath));
            return;
        }
        if (file.Text is null)
        {
            await SendBytes(context, 200, type, file.Utf8);
            return;
        }
        await Send(context, 200, type, type.StartsWith("text/html", StringComparison.Ordinal) ? WithLiveReload(file.Text) : file.Text);
    }

    /// <summary>The site file a request path names; null for anything that is not plainly inside the site.</summary>
    public static string? ToOutputPath(string requestPath)
    {
        var decoded = Uri.UnescapeDataString(requestPath);
        if (decoded.Contains('\\') || decoded.Contains('\0')) return null;
        var segments = decoded.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is "." or "..")) return null;
        var relative = string.Join('/', segments);
        return relative.Length == 0 || decoded.EndsWith('/') ? UrlPaths.FolderIndex(relative) : relative;
    }

    private async Task StreamEvents(HttpContext context)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        var (id, events) = _hub.Subscribe();
        try
        {
            await context.Response.WriteAsync(": connected\n\n", context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            if (_site.Errors.Count > 0)
                await context.Response.WriteAsync($"event: errors\ndata: {ErrorsJson()}\n\n", context.RequestAborted);
            await foreach (var message in events.ReadAllAsync(context.RequestAborted))
            {
                await context.Response.WriteAsync(message, context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        }
        catch (OperationCanceledException) { /* the page was closed */ }
        finally
        {
            _hub.Unsubscribe(id);
        }
    }

    private static string WithLiveReload(string html)
    {
        var at = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        var tag = $"<script src=\"{LiveReloadScript.Path}\" defer></script>\n";
        return at < 0 ? html + tag : html.Insert(at, tag);
    }

    private static Task Send(HttpContext context, int status, string type, string text) =>
        SendBytes(context, status, type, Encoding.UTF8.GetBytes(text));

    private static async Task SendBytes(HttpContext context, int status, string type, ReadOnlyMemory<byte> body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.Body.WriteAsync(body);
    }

    private static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8", ".css" => "text/css; charset=utf-8", ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml", ".png" => "image/png", ".jpg" or ".jpeg" => "image/jpeg", ".gif" => "image/gif", ".webp" => "image/webp",
        ".xml" => "application/xml", ".txt" => "text/plain; charset=utf-8", ".json" => "application/json", ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };

    public async ValueTask DisposeAsync()
    {
        _watcher.Dispose();
        _hub.CloseAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
