using System.Net;
using System.Net.Sockets;

namespace SiteGen.BrowserTests.Support;

/// <summary>
/// A plain static file server on 127.0.0.1 that serves a folder under a subpath (/docs/), the
/// way GitHub Pages serves a project site. It refuses anything outside the folder.
/// </summary>
public sealed class StaticServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".css"] = "text/css; charset=utf-8", [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml", [".png"] = "image/png", [".xml"] = "application/xml", [".txt"] = "text/plain; charset=utf-8",
    };

    private readonly HttpListener _listener = new();
    private readonly string _root;
    private readonly string _prefix;

    public string BaseUrl { get; }

    public StaticServer(string root, string prefix = "/docs/")
    {
        _root = Path.GetFullPath(root);
        _prefix = prefix;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}{prefix}";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = Task.Run(Serve);
    }

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            _ = Task.Run(() => Respond(context));
        }
    }

    private void Respond(HttpListenerContext context)
    {
        using var response = context.Response;
        var path = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        if (!path.StartsWith(_prefix, StringComparison.Ordinal)) { response.StatusCode = 404; return; }
        var relative = path[_prefix.Length..];
        if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
        var file = Path.GetFullPath(Path.Combine(_root, relative));
        if (!file.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(file))
        {
            response.StatusCode = 404;
            var notFound = Path.Combine(_root, "404.html");
            if (File.Exists(notFound)) Write(response, notFound);
            return;
        }
        Write(response, file);
    }

    private static void Write(HttpListenerResponse response, string file)
    {
        var bytes = File.ReadAllBytes(file);
        response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _listener.Close();
}
