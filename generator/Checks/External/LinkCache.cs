using System.Text.Json;
using System.Text.Json.Serialization;

namespace SiteGen.Checks.External;

/// <summary>
/// Results of earlier runs, so CI does not ask the same servers the same questions on every push.
/// Entries older than the maximum age are ignored and rewritten.
/// </summary>
public sealed class LinkCache
{
    internal sealed record Entry(bool Ok, int? Status, string[] Redirects, DateTimeOffset Checked);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly string? _path;
    private readonly TimeSpan _maxAge;
    private readonly object _gate = new();

    public LinkCache(string? path, TimeSpan maxAge)
    {
        _path = path;
        _maxAge = maxAge;
        if (path is null || !File.Exists(path)) return;
        try
        {
            var loaded = JsonSerializer.Deserialize(File.ReadAllText(path), LinkCacheJson.Default.DictionaryStringEntry);
            foreach (var (url, entry) in loaded ?? []) _entries[url] = entry;
        }
        catch (JsonException) { /* a damaged cache is only a slower run */ }
    }

    public LinkStatus? Find(string url, DateTimeOffset now)
    {
        lock (_gate)
            return _entries.TryGetValue(url, out var entry) && now - entry.Checked <= _maxAge
                ? new LinkStatus(entry.Ok, entry.Status, entry.Redirects, null, 0, FromCache: true)
                : null;
    }

    public void Remember(string url, LinkStatus status, DateTimeOffset now)
    {
        if (!status.IsCacheable || status.FromCache) return;
        lock (_gate) _entries[url] = new Entry(status.Ok, status.StatusCode, [.. status.Redirects], now);
    }

    public void Save()
    {
        if (_path is null) return;
        lock (_gate)
        {
            var sorted = new SortedDictionary<string, Entry>(_entries, StringComparer.Ordinal);
            File.WriteAllText(_path, JsonSerializer.Serialize(sorted, LinkCacheJson.Default.SortedDictionaryStringEntry));
        }
    }
}

/// <summary>The cache file's JSON, generated when the program is compiled (no reflection when it runs).</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, LinkCache.Entry>))]
[JsonSerializable(typeof(SortedDictionary<string, LinkCache.Entry>))]
internal sealed partial class LinkCacheJson : JsonSerializerContext;
