using System.IO.Hashing;

namespace SiteGen.Engine;

/// <summary>
/// What one build keeps on disk for the next (the minified theme files): each entry under a key made
/// from everything its bytes depend on, so an entry is never stale, only unused. Best effort: a folder
/// that cannot be read or written means the work is done again, never a failed build. Each entry is
/// written whole (<see cref="AtomicFile"/>) with a digest of its bytes in front, so an entry that was
/// damaged is not used but made again.
/// </summary>
public sealed class DiskCache(string folder)
{
    /// <summary>The variable that names the folder; set to nothing, no cache is kept.</summary>
    public const string Variable = "SITEGEN_CACHE_DIR";

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>
    /// $SITEGEN_CACHE_DIR (empty: none), else the user's cache folder ($XDG_CACHE_HOME, ~/.cache,
    /// or on Windows the local application data) with a sitegen folder in it; none without a home.
    /// </summary>
    public static string DefaultFolder()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { } named) return named;
        var userCache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg) ? xdg
            : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
            : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) is { Length: > 0 } home ? Path.Combine(home, ".cache")
            : "";
        return userCache.Length == 0 ? "" : Path.Combine(userCache, "sitegen");
    }

    /// <summary>A folder given on the command line or by <see cref="DefaultFolder"/>; "" for none.</summary>
    public static DiskCache? At(string? folder) => string.IsNullOrWhiteSpace(folder) ? null : new DiskCache(folder);

    /// <summary>The key of bytes made from these parts: what made them (a name and version) and what they were made from.</summary>
    public static UInt128 Key(string maker, ReadOnlySpan<byte> source)
    {
        var hash = new XxHash128();
        hash.Append(System.Text.Encoding.UTF8.GetBytes(maker + "\n"));
        hash.Append(source);
        return hash.GetCurrentHashAsUInt128();
    }

    /// <summary>The entry's bytes, or null when there is none or it is damaged.</summary>
    public ReadOnlyMemory<byte>? Read(string kind, UInt128 key)
    {
        byte[] stored;
        try { stored = File.ReadAllBytes(PathOf(kind, key)); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
        if (stored.Length < 16) return null;
        var bytes = stored.AsMemory(16);
        if (XxHash128.HashToUInt128(bytes.Span) != System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(stored)) return null;
        return bytes;
    }

    /// <summary>Keeps the bytes under the key (<see cref="AtomicFile"/>); nothing happens when the folder cannot be written.</summary>
    public void Write(string kind, UInt128 key, ReadOnlySpan<byte> bytes)
    {
        var path = PathOf(kind, key);
        var stored = new byte[16 + bytes.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(stored, XxHash128.HashToUInt128(bytes));
        bytes.CopyTo(stored.AsSpan(16));
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Write(path, stored);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Where an entry is kept: a folder per kind, a file named by the key in hexadecimal.</summary>
    public string PathOf(string kind, UInt128 key) => Path.Combine(Folder, kind, key.ToString("x32"));
}
