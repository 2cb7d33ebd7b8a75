using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace SiteGen.Registry;

/// <summary>A registry could not be asked (down, too slow, or answering something that is not its format).</summary>
public sealed class ServiceUnavailableException(string service, string reason) : Exception($"{service} could not be reached: {reason}")
{
    public string Service { get; } = service;
}

/// <summary>
/// GETs JSON from the registries, politely: a User-Agent with the site's contact address
/// (Crossref's "polite pool"), a minimum gap between requests to one service (NCBI allows three
/// a second without a key), retries with backoff on 429 and 5xx that honour Retry-After, a
/// timeout, and a size and nesting limit on what it reads, so a hostile answer cannot exhaust
/// memory. Not found is an answer (null), not a failure.
/// </summary>
public sealed class PoliteClient : IDisposable
{
    public const int MaxResponseBytes = 4 << 20;
    private static readonly JsonDocumentOptions JsonLimits = new() { MaxDepth = 32 };

    private readonly HttpClient _http;
    private readonly Dictionary<string, DateTimeOffset> _nextRequest = new(StringComparer.Ordinal);
    private readonly TimeSpan _maxRetryWait;

    private const int Retries = 3;

    public PoliteClient(string? mailto, TimeSpan timeout, TimeSpan? maxRetryWait = null)
    {
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = true, MaxAutomaticRedirections = 3, AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = timeout,
        };
        var agent = "sitegen/1.0 (reference check" + (string.IsNullOrWhiteSpace(mailto) ? "" : $"; mailto:{mailto.Trim()}") + ")";
        _http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", agent);
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _maxRetryWait = maxRetryWait ?? TimeSpan.FromSeconds(30);
    }

    /// <summary>The JSON at <paramref name="url"/>; null when the service says there is no such record (404).</summary>
    /// <param name="service">The service's name, for messages.</param>
    /// <param name="gap">The least time between two requests to this service.</param>
    public JsonDocument? GetJson(string service, string url, TimeSpan gap)
    {
        for (var attempt = 0; ; attempt++)
        {
            WaitForTurn(service, gap);
            HttpResponseMessage response;
            try
            {
                response = _http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult();
            }
            catch (TaskCanceledException)
            {
                throw new ServiceUnavailableException(service, $"no answer within {_http.Timeout.TotalSeconds:0} s");
            }
            catch (HttpRequestException ex)
            {
                throw new ServiceUnavailableException(service, ex.Message);
            }
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status == 404) return null;
                if ((status == 429 || status >= 500) && attempt < Retries)
                {
                    Thread.Sleep(RetryWait(response, attempt));
                    continue;
                }
                if (status != 200) throw new ServiceUnavailableException(service, $"it answered HTTP {status} for {url}");
                var bytes = ReadLimited(response, service);
                try
                {
                    return JsonDocument.Parse(bytes, JsonLimits);
                }
                catch (JsonException ex) when (ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
                {
                    throw new ServiceUnavailableException(service, $"it answered JSON nested deeper than {JsonLimits.MaxDepth} levels, far more than a record, for {url}");
                }
                catch (JsonException)
                {
                    var start = System.Text.Encoding.UTF8.GetString(bytes, 0, Math.Min(bytes.Length, 40)).Trim();
                    var what = start.StartsWith('<') ? "an HTML page" : "something that is not JSON";
                    throw new ServiceUnavailableException(service, $"it answered {what} instead of its JSON record for {url}");
                }
            }
        }
    }

    private byte[] ReadLimited(HttpResponseMessage response, string service)
    {
        if (response.Content.Headers.ContentLength > MaxResponseBytes)
            throw new ServiceUnavailableException(service, $"its answer is larger than {MaxResponseBytes / (1 << 20)} MB, far more than a record");
        using var stream = response.Content.ReadAsStream();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxResponseBytes)
                throw new ServiceUnavailableException(service, $"its answer is larger than {MaxResponseBytes / (1 << 20)} MB, far more than a record");
        }
        return buffer.ToArray();
    }

    private TimeSpan RetryWait(HttpResponseMessage response, int attempt)
    {
        var wait = response.Headers.RetryAfter is { } retryAfter
            ? retryAfter.Delta ?? (retryAfter.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.Zero)
            : TimeSpan.FromSeconds(Math.Pow(2, attempt));
        if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
        return wait > _maxRetryWait ? _maxRetryWait : wait;
    }

    private void WaitForTurn(string service, TimeSpan gap)
    {
        var now = DateTimeOffset.UtcNow;
        if (_nextRequest.TryGetValue(service, out var next) && next > now) Thread.Sleep(next - now);
        _nextRequest[service] = DateTimeOffset.UtcNow + gap;
    }

    public void Dispose() => _http.Dispose();
}
