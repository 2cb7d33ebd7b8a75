using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Primitives;

namespace SiteGen.Engine;

/// <summary>
/// Serves the theme's partials to Fluid's {% include %} from memory: they are read once at start,
/// so rendering thousands of pages never touches the disk, and a build sees one consistent theme.
/// Fluid asks for a partial's file at every {% include %} (it keeps the parsed template, but looks
/// the file up each time): each file is made once, not once per include of every page.
/// </summary>
public sealed class ThemeFileProvider(IReadOnlyDictionary<string, string> files) : IFileProvider
{
    private readonly Dictionary<string, IFileInfo> _files = files.ToDictionary(f => f.Key, f => (IFileInfo)new MemoryFile(f.Key, f.Value), StringComparer.Ordinal);

    public IFileInfo GetFileInfo(string subpath) =>
        _files.TryGetValue(subpath.TrimStart('/'), out var file) ? file : new NotFoundFileInfo(subpath);

    public IDirectoryContents GetDirectoryContents(string subpath) => NotFoundDirectoryContents.Singleton;

    public IChangeToken Watch(string filter) => NullChangeToken.Singleton;

    private sealed class MemoryFile(string path, string text) : IFileInfo
    {
        private readonly byte[] _bytes = System.Text.Encoding.UTF8.GetBytes(text);
        public bool Exists => true;
        public long Length => _bytes.Length;
        public string? PhysicalPath => null;
        public string Name => Path.GetFileName(path);
        public DateTimeOffset LastModified => DateTimeOffset.UnixEpoch;
        public bool IsDirectory => false;
        public Stream CreateReadStream() => new MemoryStream(_bytes, writable: false);
    }
}
