using System.Text.RegularExpressions;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Engine;

/// <summary>
/// The generator's folders follow the build's flow, and no folder uses one later in the flow:
/// Engine is the ground floor, and each stage builds only on the stages before it.
/// </summary>
public partial class LayeringTests
{
    /// <summary>The folders in the order of the flow: read, render, gather, lay out, check, publish, then the commands.</summary>
    public static readonly string[] Flow =
        ["Engine", "Content", "Citations", "Registry", "Html", "Markdown", "Callout", "Generated", "Search", "Medical", "Theme", "Checks", "Output", "Build", "Serve", "References"];

    [GeneratedRegex(@"(?:\bSiteGen\.|\busing\s+SiteGen\.|(?<![\w.])(?=(?:Engine|Content|Citations|Registry|Html|Markdown|Callout|Generated|Search|Medical|Theme|Checks|Output|Build|Serve|References)\.[A-Z]))(?<folder>Engine|Content|Citations|Registry|Html|Markdown|Callout|Generated|Search|Medical|Theme|Checks|Output|Build|Serve|References)\b")]
    private static partial Regex FolderReference();

    public static IEnumerable<(string File, string Folder, string Uses)> Edges()
    {
        var generator = Path.Combine(Repo.Root, "generator");
        foreach (var folder in Flow)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(generator, folder), "*.cs", SearchOption.AllDirectories))
            {
                var text = string.Join("\n", File.ReadLines(file).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)));
                foreach (var used in FolderReference().Matches(text).Select(m => m.Groups["folder"].Value).Distinct())
                    if (used != folder) yield return (Path.GetRelativePath(generator, file).Replace('\\', '/'), folder, used);
            }
        }
    }

    [Fact]
    public void No_folder_uses_a_folder_later_in_the_flow()
    {
        var backwards = Edges().Where(e => Array.IndexOf(Flow, e.Uses) > Array.IndexOf(Flow, e.Folder))
            .Select(e => $"{e.File} ({e.Folder}) uses {e.Uses}").ToList();
        Assert.True(backwards.Count == 0, "against the flow:\n" + string.Join("\n", backwards));
    }

    [Fact]
    public void The_engine_uses_no_other_folder()
    {
        var upward = Edges().Where(e => e.Folder == "Engine").Select(e => $"{e.File} uses {e.Uses}").ToList();
        Assert.True(upward.Count == 0, string.Join("\n", upward));
    }

    [Fact]
    public void Every_folder_of_the_generator_has_its_place_in_the_flow() =>
        Assert.Equal(Flow.Order(StringComparer.Ordinal),
            Directory.GetDirectories(Path.Combine(Repo.Root, "generator"))
                .Where(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories).Any()) // Starter/ holds a site, not code
                .Select(Path.GetFileName).OfType<string>().Where(d => d is not ("bin" or "obj")).Order(StringComparer.Ordinal));
}
