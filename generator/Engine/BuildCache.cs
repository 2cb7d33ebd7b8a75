using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace SiteGen.Engine;

/// <summary>
/// What one build leaves for the next in the same process (`sitegen serve`): for each cached
/// step, the document it made from inputs with a given key, and the findings it reported on the
/// way. A later build that meets the same key takes the result instead of doing the work again,
/// so an edit to one page rebuilds that page and what depends on it. Entries a build did not use
/// are dropped when it ends, so the cache holds one site's worth.
/// </summary>
public sealed class BuildCache
{
    public sealed record Entry(Document Result, IReadOnlyList<Diagnostic> Findings);

    private ConcurrentDictionary<(string Step, string Key), Entry> _previous = new();
    private ConcurrentDictionary<(string Step, string Key), Entry> _current = new();
    private int _hits, _misses;

    /// <summary>How many results the last finished build took from the cache, and how many it had to make.</summary>
    public (int Reused, int Made) LastBuild { get; private set; }

    public bool TryGet(string step, string key, out Entry entry)
    {
        if (_current.TryGetValue((step, key), out entry!) || _previous.TryGetValue((step, key), out entry!))
        {
            _current[(step, key)] = entry;
            Interlocked.Increment(ref _hits);
            return true;
        }
        Interlocked.Increment(ref _misses);
        return false;
    }

    public void Put(string step, string key, Entry entry) => _current[(step, key)] = entry;

    private readonly ConcurrentDictionary<string, IReadOnlyList<Document>> _kept = new(StringComparer.Ordinal);

    /// <summary>Documents a module keeps for the next build under a name (they survive <see cref="EndBuild"/>).</summary>
    public void Keep(string name, IReadOnlyList<Document> documents) => _kept[name] = documents;

    public IReadOnlyList<Document>? Kept(string name) => _kept.GetValueOrDefault(name);

    private readonly ConcurrentDictionary<string, (string Key, object Value)> _remembered = new(StringComparer.Ordinal);

    /// <summary>
    /// What a whole-site step made from inputs with the given key, made again only when the key
    /// changes (it survives <see cref="EndBuild"/>, as <see cref="Keep"/> does).
    /// </summary>
    public T Remember<T>(string name, string key, Func<T> make) where T : notnull
    {
        if (_remembered.TryGetValue(name, out var held) && held.Key == key) return (T)held.Value;
        var value = make();
        _remembered[name] = (key, value);
        return value;
    }

    /// <summary>Called when a build ends: what it used or made is what the next build may reuse.</summary>
    public void EndBuild()
    {
        _previous = _current;
        _current = new();
        LastBuild = (_hits, _misses);
        _hits = _misses = 0;
    }

    /// <summary>
    /// A short digest of the given parts, for keys (each part's length is included, so parts cannot
    /// run together). XxHash128: keys live in one process and face no adversary, and a
    /// cryptographic hash cost more than all the rest of a rebuild's keys.
    /// </summary>
    public static string Digest(params string?[] parts)
    {
        var hash = new System.IO.Hashing.XxHash128();
        Span<byte> length = stackalloc byte[4];
        foreach (var part in parts)
        {
            BitConverter.TryWriteBytes(length, part?.Length ?? -1);
            hash.Append(length);
            hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes((part ?? "").AsSpan()));
        }
        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return Convert.ToHexString(digest);
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, string> Remembered = new();

    /// <summary>
    /// A large text's digest (a short text stands for itself), remembered for as long as the text
    /// lives: results taken from the cache bring the same objects back, so their digests cost
    /// nothing the second time.
    /// </summary>
    public static string Of(string? text) =>
        text is null ? "\0" : text.Length < 256 ? text : Remembered.GetValue(text, t => Digest((string)t));

    /// <summary>
    /// The digest of the input files every page depends on (site.yml and the citations file),
    /// read once per build however many steps ask.
    /// </summary>
    public static string InputFiles(BuildContext context) =>
        Remembered.GetValue(context, c =>
        {
            var context = (BuildContext)c;
            return Digest([FileDigest(context.Paths.InputFile(SiteConfig.FileName)),
                .. context.Config.CitationPaths.Select(p => FileDigest(context.Paths.InputFile(p)))]);
        });

    /// <summary>The digest of a file's bytes, or "" when it does not exist.</summary>
    public static string FileDigest(string path) =>
        File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "";

    /// <summary>
    /// A file's size and time of last change, or "" when it does not exist: what build tools
    /// compare to see that a file changed, without reading it.
    /// </summary>
    public static string FileStamp(string path)
    {
        var file = new FileInfo(path);
        return file.Exists ? $"{file.Length}@{file.LastWriteTimeUtc.Ticks}" : "";
    }
}
