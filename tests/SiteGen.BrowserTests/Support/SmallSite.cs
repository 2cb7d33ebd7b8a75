using SiteGen.Build;
using SiteGen.Engine;

namespace SiteGen.BrowserTests.Support;

/// <summary>
/// A small site of the given pages (plus site.yml and the callout partial), built with the
/// repository's theme into a temporary folder that is deleted when the site is disposed.
/// </summary>
public sealed class SmallSite : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "sitegen-browser", Guid.NewGuid().ToString("N"));
    public string Output => Path.Combine(Root, "output");

    public SmallSite(string title, IEnumerable<(string Path, string Text)> pages)
    {
        var input = Path.Combine(Root, "input");
        Write(input, "site.yml", $"title: {title}\nlanguage: en\n");
        Write(input, "_partials/limitations.md", "The evidence is limited.\n");
        foreach (var (path, text) in pages) Write(input, path, text);
        var build = SiteBuilder.Build(new BuildOptions(input, Output, Path.Combine(BrowserFixture.RepoRoot, "theme")), Log.Silent);
        Assert.True(build.ExitCode == 0, string.Join("\n", build.Diagnostics));
    }

    /// <summary>A built file's file:// address.</summary>
    public string FileUrl(string relative) => new Uri(Path.Combine(Output, relative)).AbsoluteUri;

    private static void Write(string folder, string relative, string text)
    {
        var path = Path.Combine(folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
