using SiteGen.Build;
using SiteGen.Engine;

namespace SiteGen.Tests.Support;

/// <summary>
/// A throwaway site in a temp folder: a copy of the real input/ and theme/ (or a tiny fixture),
/// which a test may change before building. Deleted when disposed.
/// </summary>
public sealed class TempSite : IDisposable
{
    public string Root { get; }
    public string Input => Path.Combine(Root, "input");
    public string Theme => Path.Combine(Root, "theme");
    public string Output => Path.Combine(Root, "output");

    private TempSite()
    {
        Root = Path.Combine(Path.GetTempPath(), "sitegen-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    /// <summary>A copy of the repository's real site.</summary>
    public static TempSite CopyOfRealSite()
    {
        var site = new TempSite();
        CopyFolder(Repo.Input, site.Input);
        CopyFolder(Repo.Theme, site.Theme);
        return site;
    }

    /// <summary>The real theme with a minimal input: site.yml, the callout partial and the given pages.</summary>
    public static TempSite WithPages(params (string Path, string Text)[] pages)
    {
        var site = new TempSite();
        CopyFolder(Repo.Theme, site.Theme);
        site.Write("site.yml", "title: Test site\nlanguage: en\n");
        site.Write("_partials/limitations.md", "The evidence is limited.\n");
        foreach (var (path, text) in pages) site.Write(path, text);
        return site;
    }

    /// <summary>Writes a file below input/.</summary>
    public void Write(string inputRelative, string text)
    {
        var path = Path.Combine(Input, inputRelative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void WriteTheme(string themeRelative, string text) => File.WriteAllText(Path.Combine(Theme, themeRelative), text);

    public BuildResult Build(string? output = null, int? workers = null, bool write = true) =>
        SiteBuilder.Build(new BuildOptions(Input, output ?? Output, Theme, Workers: workers), Log.Silent, write);

    public string ReadOutput(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
