using System.Net;
using System.Net.Sockets;

namespace SiteGen.Tests.Support;

/// <summary>
/// An HttpListener on a free port of 127.0.0.1 that hands each request to an answer function,
/// for the tests' stand-ins of web servers and registries. Loopback only; stops when disposed.
/// </summary>
public sealed class LoopbackListener : IDisposable
{
    private readonly HttpListener _listener = new();

    /// <summary>http://127.0.0.1:PORT/ (with the slash).</summary>
    public string Root { get; }

    public LoopbackListener(Func<HttpListenerContext, Task> answer)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Root = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(Root);
        _listener.Start();
        _ = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); } catch (Exception) { return; }
                _ = Task.Run(() => answer(context));
            }
        });
    }

    public void Dispose() => _listener.Close();
}
