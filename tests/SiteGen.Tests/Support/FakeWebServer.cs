using System.Collections.Concurrent;
using System.Net;

namespace SiteGen.Tests.Support;

/// <summary>
/// A small HTTP server on 127.0.0.1 that plays the kinds of answers external links give:
/// 200, redirects, 404, HEAD refused, 429 with Retry-After, 500, and one that never answers in time.
/// It counts the requests it gets, so tests can see retries and cache hits.
/// </summary>
public sealed class FakeWebServer : IDisposable
{
    private readonly LoopbackListener _listener;
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastHit = new();
    public ConcurrentQueue<(string Path, DateTimeOffset At)> Log { get; } = new();

    public string Root { get; }

    public FakeWebServer()
    {
        _listener = new LoopbackListener(Answer);
        Root = _listener.Root;
    }

    public int Hits(string path) => _hits.GetValueOrDefault(path);

    private async Task Answer(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var method = context.Request.HttpMethod;
        var count = _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        Log.Enqueue((path, DateTimeOffset.UtcNow));
        var response = context.Response;
        try
        {
            switch (path)
            {
                case "/ok": response.StatusCode = 200; break;
                case "/moved": response.StatusCode = 301; response.RedirectLocation = Root + "ok"; break;
                case "/missing": response.StatusCode = 404; break;
                case "/no-head": response.StatusCode = method == "HEAD" ? 405 : 200; break;
                case "/busy":
                    // The first request is told to come back in one second; the next one succeeds.
                    if (count == 1) { response.StatusCode = 429; response.AddHeader("Retry-After", "1"); }
                    else response.StatusCode = 200;
                    break;
                case "/broken": response.StatusCode = 500; break;
                case "/refuses-robots": response.StatusCode = 403; break; // as large publishers answer any robot, HEAD or GET
                case "/slow": await Task.Delay(TimeSpan.FromSeconds(5)); response.StatusCode = 200; break;
                case "/loop": response.StatusCode = 302; response.RedirectLocation = Root + "loop"; break;
                case "/to-ftp": response.StatusCode = 302; response.AddHeader("Location", "ftp://files.example/x"); break;
                case "/to-file": response.StatusCode = 302; response.AddHeader("Location", "file:///etc/passwd"); break;
                case "/to-garbage": response.StatusCode = 302; response.AddHeader("Location", "http://[::1"); break;
                default: response.StatusCode = 200; break;
            }
        }
        finally
        {
            try { response.Close(); } catch (Exception) { /* the client gave up, as intended for /slow */ }
        }
    }

    public void Dispose() => _listener.Dispose();
}
