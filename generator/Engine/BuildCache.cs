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

    /// <summary>An entry, and the last build that used it.</summary>
    private sealed class Slot(Entry entry, int used)
    {
        public readonly Entry Entry = entry;
        public int Used = used;
    }

    /// <summary>
    /// One step's entries, by key. A stream of steps finds its table once and then each document
    /// by its key alone: keyed by step and key together, every lookup of a rebuild (six streams
    /// times every page) hashed the step's long name again.
    /// </summary>
    public sealed class StepEntries
    {
        private readonly BuildCache _cache;
        private readonly ConcurrentDictionary<UInt128, Slot> _slots = new();

        internal StepEntries(BuildCache cache) => _cache = cache;

        public bool TryGet(UInt128 key, out Entry entry)
        {
            if (_slots.TryGetValue(key, out var slot))
            {
                slot.Used = _cache._build;
                entry = slot.Entry;
                Interlocked.Increment(ref _cache._hits);
                return true;
            }
            entry = null!;
            Interlocked.Increment(ref _cache._misses);
            return false;
        }

        public void Put(UInt128 key, Entry entry) => _slots[key] = new Slot(entry, _cache._build);

        /// <summary>Lets go of the entries the build before <paramref name="build"/> did not use.</summary>
        internal void Sweep(int build)
        {
            foreach (var (key, slot) in _slots)
                if (slot.Used != build - 1) _slots.TryRemove(key, out _);
        }
    }

    private readonly ConcurrentDictionary<string, StepEntries> _steps = new(StringComparer.Ordinal);
    private int _build, _hits, _misses;

    /// <summary>How many results the last finished build took from the cache, and how many it had to make.</summary>
    public (int Reused, int Made) LastBuild { get; private set; }

    /// <summary>The entries of <paramref name="step"/>, made empty the first time it is named.</summary>
    public StepEntries Step(string step) => _steps.GetOrAdd(step, _ => new StepEntries(this));

    private readonly ConcurrentDictionary<string, IReadOnlyList<Document>> _kept = new(StringComparer.Ordinal);

    /// <summary>Documents a module keeps for the next build under a name (they survive <see cref="EndBuild"/>).</summary>
    public void Keep(string name, IReadOnlyList<Document> documents) => _kept[name] = documents;

    public IReadOnlyList<Document>? Kept(string name) => _kept.GetValueOrDefault(name);

    private readonly ConcurrentDictionary<string, (string Key, object? Value, Diagnostic[] Findings)> _remembered = new(StringComparer.Ordinal);

    /// <summary>
    /// What a whole-site step makes: in `serve`, remembered under <paramref name="name"/> and made
    /// again only when the digest <paramref name="key"/> gives changes (it survives
    /// <see cref="EndBuild"/>, as <see cref="Keep"/> does), the findings made with it reported again
    /// when it is reused; in a one-off build, made, and no key is taken (keys cost).
    /// </summary>
    public static T Remember<T>(BuildContext context, string name, Func<string> key, Func<T> make)
    {
        if (context.Cache is not { } cache) return make();
        var digest = key();
        if (!cache._remembered.TryGetValue(name, out var held) || held.Key != digest)
        {
            using var recording = Diagnostics.Record();
            var value = make();
            cache._remembered[name] = held = (digest, value, [.. recording.Findings]);
        }
        else context.Diagnostics.Replay(held.Findings);
        return (T)held.Value!;
    }

    /// <summary>Called when a build ends: what it used or made is what the next build may reuse.</summary>
    public void EndBuild()
    {
        _build++;
        LastBuild = (_hits, _misses);
        _hits = _misses = 0;
    }

    /// <summary>
    /// Lets go of the entries the last finished build did not use, so the cache holds one site's
    /// worth. `serve` calls it after the pages are shown: going over every entry takes a
    /// millisecond or two that a reader would otherwise wait for.
    /// </summary>
    public void Sweep()
    {
        foreach (var step in _steps.Values) step.Sweep(_build);
    }

    /// <summary>
    /// A short digest of the given parts, for keys (each part's length is included, so parts cannot
    /// run together). XxHash128: keys live in one process and face no adversary, and a
    /// cryptographic hash cost more than all the rest of a rebuild's keys.
    /// </summary>
    public static string Digest(params string?[] parts)
    {
        var hash = new System.IO.Hashing.XxHash128();
        foreach (var part in parts) AppendPart(hash, part);
        Span<byte> digest = stackalloc byte[16];
        hash.GetCurrentHash(digest);
        return Convert.ToHexString(digest);
    }

    /// <summary>A step's key for one document: the site's settings, the document's digest and what the step reads besides.</summary>
    public static UInt128 Key(string settings, UInt128 document, string?[] reads)
    {
        var hash = KeyHash ??= new System.IO.Hashing.XxHash128();
        hash.Reset();
        AppendPart(hash, settings);
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(bytes, document);
        hash.Append(bytes);
        foreach (var part in reads) AppendPart(hash, part);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>Each thread's hasher for <see cref="Key"/>, reset for every key instead of made anew.</summary>
    [ThreadStatic] private static System.IO.Hashing.XxHash128? KeyHash;

    private static void AppendPart(System.IO.Hashing.XxHash128 hash, string? part)
    {
        Span<byte> length = stackalloc byte[4];
        BitConverter.TryWriteBytes(length, part?.Length ?? -1);
        hash.Append(length);
        hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes((part ?? "").AsSpan()));
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, string> Remembered = new();

    /// <summary>
    /// The digest of the input files every page depends on (site.yml, the citations file and its
    /// lock, which marks retracted works), read once per build however many steps ask.
    /// </summary>
    public static string InputFiles(BuildContext context) =>
        Remembered.GetValue(context, c =>
        {
            var context = (BuildContext)c;
            return Digest([FileDigest(context.Paths.InputFile(SiteConfig.FileName)), FileDigest(context.Paths.InputFile(CitationLibrary.LockFile)),
                .. context.Config.CitationPaths.Select(p => FileDigest(context.Paths.InputFile(p)))]);
        });

    /// <summary>The stamps (<see cref="FileStamp"/>) of every file below the given folders, with their names: they change when any file is edited, added or removed.</summary>
    public static string FolderStamps(params string[] folders) =>
        Digest([.. folders.Distinct(StringComparer.Ordinal).SelectMany(folder => SitePaths.FilesBelow(folder, "").Order(StringComparer.Ordinal)
            .SelectMany(file => new[] { folder, file, FileStamp(Path.Combine(folder, file)) }))]);

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
