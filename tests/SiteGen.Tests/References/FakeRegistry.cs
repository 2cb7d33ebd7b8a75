using System.Collections.Concurrent;
using System.Net;
using System.Text;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.References;

/// <summary>
/// Crossref, PubMed's esummary and the DOI handle API on 127.0.0.1, answering in their real
/// formats from a table of path (and query) to answer. Counts requests, so tests see retries and
/// the lock file's cache at work.
/// </summary>
public sealed class FakeRegistry : IDisposable
{
    /// <summary>
    /// How long the tests let the clients wait for it: it answers at once, but 5 s was once not
    /// enough while the browser tests ran beside these on two busy cores ("PubMed could not be
    /// reached: no answer within 5 s").
    /// </summary>
    public const int TimeoutSeconds = 30;

    public sealed record Answer(int Status, string Body, string? RetryAfter = null, TimeSpan Delay = default, string ContentType = "application/json");

    private readonly LoopbackListener _listener;
    private readonly ConcurrentDictionary<string, Queue<Answer>> _answers = new();
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> UserAgents { get; } = new();
    public string Root { get; }

    public FakeRegistry()
    {
        _listener = new LoopbackListener(Reply);
        Root = _listener.Root.TrimEnd('/');
    }

    public SiteGen.Registry.RegistryServices Services => new(Root + "/crossref", Root + "/eutils", Root + "/doi");

    /// <summary>Answers for a path, one per request in order; the last keeps answering.</summary>
    public void On(string pathAndQuery, params Answer[] answers) => _answers[pathAndQuery] = new Queue<Answer>(answers);

    public void Crossref(string doi, string message) => On($"/crossref/works/{doi}", new Answer(200, $"{{\"status\":\"ok\",\"message-type\":\"work\",\"message-version\":\"1.0.0\",\"message\":{message}}}"));

    public void CrossrefMissing(string doi) => On($"/crossref/works/{doi}", new Answer(404, "Resource not found.", ContentType: "text/plain"));

    public void Handle(string doi, bool exists) => On($"/doi/api/handles/{doi}", exists
        ? new Answer(200, $"{{\"responseCode\":1,\"handle\":\"{doi}\",\"values\":[]}}")
        : new Answer(404, $"{{\"responseCode\":100,\"handle\":\"{doi}\"}}"));

    public void PubMed(string pmid, string summary) => On($"/eutils/esummary.fcgi?db=pubmed&id={pmid}&retmode=json",
        new Answer(200, $"{{\"header\":{{\"type\":\"esummary\",\"version\":\"0.3\"}},\"result\":{{\"uids\":[\"{pmid}\"],\"{pmid}\":{summary}}}}}"));

    /// <summary>PubMed's esearch for a DOI ([doi] field), answering the given PMIDs.</summary>
    public void PubMedSearch(string doi, params string[] pmids) => On($"/eutils/esearch.fcgi?db=pubmed&term={Uri.EscapeDataString(doi + "[doi]")}&retmode=json",
        new Answer(200, $"{{\"header\":{{\"type\":\"esearch\",\"version\":\"0.3\"}},\"esearchresult\":{{\"count\":\"{pmids.Length}\",\"retmax\":\"{pmids.Length}\",\"retstart\":\"0\"," +
            $"\"idlist\":[{string.Join(",", pmids.Select(p => $"\"{p}\""))}],\"translationset\":[],\"querytranslation\":\"{doi}[doi]\"}}}}"));

    public int Count(string prefix) => Requests.Count(r => r.StartsWith(prefix, StringComparison.Ordinal));

    private async Task Reply(HttpListenerContext context)
    {
        var key = context.Request.Url!.PathAndQuery;
        Requests.Enqueue(key);
        UserAgents.Enqueue(context.Request.UserAgent ?? "");
        var response = context.Response;
        try
        {
            Answer answer;
            if (_answers.TryGetValue(key, out var queue))
                lock (queue) answer = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
            else answer = new Answer(404, "{}");
            if (answer.Delay > TimeSpan.Zero) await Task.Delay(answer.Delay);
            response.StatusCode = answer.Status;
            response.ContentType = answer.ContentType;
            if (answer.RetryAfter is { } after) response.AddHeader("Retry-After", after);
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            await response.OutputStream.WriteAsync(bytes);
            response.Close();
        }
        catch (Exception)
        {
            try { response.Abort(); } catch (Exception) { }
        }
    }

    public void Dispose() => _listener.Dispose();
}
