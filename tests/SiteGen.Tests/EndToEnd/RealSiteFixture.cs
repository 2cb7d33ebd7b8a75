using SiteGen.Build;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>Builds the repository's real input/ with its real theme/ once, into a temp folder.</summary>
public sealed class RealSiteFixture : IDisposable
{
    public TempSite Site { get; } = TempSite.CopyOfRealSite();
    public BuildResult Result { get; }

    public RealSiteFixture() => Result = Site.Build();

    public IEnumerable<string> HtmlFiles() =>
        Directory.EnumerateFiles(Site.Output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Site.Output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public void Dispose() => Site.Dispose();
}
