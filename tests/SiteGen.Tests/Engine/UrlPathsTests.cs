using SiteGen.Engine;

namespace SiteGen.Tests.Engine;

public class UrlPathsTests
{
    [Theory]
    [InlineData("index.html", "about.html", "about.html")]
    [InlineData("index.html", "evidence/trial.html", "evidence/trial.html")]
    [InlineData("evidence/trial.html", "index.html", "../index.html")]
    [InlineData("evidence/trial.html", "evidence/other.html", "other.html")]
    [InlineData("a/b/c.html", "a/d.html", "../d.html")]
    [InlineData("index.html", "my page.html", "my%20page.html")]
    public void Relative_links_work_from_any_folder(string from, string to, string expected) =>
        Assert.Equal(expected, UrlPaths.Relative(from, to));

    [Fact]
    public void Relative_links_agree_with_splitting_both_paths_on_every_pair()
    {
        // The plain definition: split both paths, leave out the folders they start with, climb
        // the rest of the page's folders and escape each remaining segment of the target.
        static string Split(string from, string to)
        {
            var fromParts = from.Split('/');
            var toParts = to.Split('/');
            var common = 0;
            while (common < fromParts.Length - 1 && common < toParts.Length - 1 && fromParts[common] == toParts[common]) common++;
            return string.Concat(Enumerable.Repeat("../", fromParts.Length - 1 - common)) +
                   string.Join('/', toParts.Skip(common).Select(Uri.EscapeDataString));
        }
        string[] paths = ["index.html", "a.html", "a/index.html", "a/b.html", "a/b/c.html", "a/b/", "ab/c.html", "a/bc/d.html",
            "b/a.html", "a/b/c/d.html", "my page.html", "a b/c.html", "a/ü.html", "a/b%20c.html", "a/", "", "a", "a//b.html", "x/y/z/"];
        foreach (var from in paths)
            foreach (var to in paths)
                Assert.True(Split(from, to) == UrlPaths.Relative(from, to), $"from '{from}' to '{to}': '{UrlPaths.Relative(from, to)}', not '{Split(from, to)}'");
    }

    [Theory]
    [InlineData("index.html", "")]
    [InlineData("evidence/trial.html", "../")]
    [InlineData("a/b/c.html", "../../")]
    public void Root_prefix_climbs_one_level_per_folder(string from, string expected) =>
        Assert.Equal(expected, UrlPaths.RootPrefix(from));

    [Theory]
    [InlineData("evidence/index.md", "trial.md", "evidence/trial.md")]
    [InlineData("evidence/index.md", "../about.md", "about.md")]
    [InlineData("index.md", "./about.md", "about.md")]
    [InlineData("index.md", "../../etc/passwd", null)]
    public void Resolve_follows_dots_and_refuses_to_climb_above_root(string from, string relative, string? expected) =>
        Assert.Equal(expected, UrlPaths.Resolve(from, relative));

    [Theory]
    [InlineData("a/page.md", "other.md#part", UrlKind.Local, "a/other.md", "#part")]
    [InlineData("a/page.md", "../b/x%20y.png?v=2", UrlKind.Local, "b/x y.png", "")]
    [InlineData("a/page.html", "./", UrlKind.Local, "a/index.html", "")]
    [InlineData("a/page.html", "..", UrlKind.Local, "index.html", "")]
    [InlineData("a/b/", "../c/#x", UrlKind.Local, "a/c/index.html", "#x")]
    [InlineData("a/page.md", "#top", UrlKind.SamePage, "", "#top")]
    [InlineData("a/page.md", "?q=1", UrlKind.SamePage, "", "")]
    [InlineData("a/page.md", "/abs.html", UrlKind.RootRelative, "", "")]
    [InlineData("a/page.md", "../../x.md", UrlKind.OutsideRoot, "", "")]
    [InlineData("a/page.md", "//cdn.example/x.js", UrlKind.External, "", "")]
    [InlineData("a/page.md", "mailto:a@b.org", UrlKind.External, "", "")]
    public void Every_url_is_located_one_way(string from, string url, UrlKind kind, string path, string fragment)
    {
        var located = UrlPaths.Locate(from, url);
        Assert.Equal((kind, path, fragment), (located.Kind, located.Path, located.Fragment));
    }

    [Theory]
    [InlineData("03-evidence", "03", "evidence")]
    [InlineData("1_intro.md", "1", "intro.md")]
    [InlineData("10 notes", "10", "notes")]
    [InlineData("2024.md", null, "2024.md")]
    [InlineData("7-", null, "7-")]
    [InlineData("evidence", null, "evidence")]
    public void A_number_prefix_is_split_off_one_way(string segment, string? number, string name) =>
        Assert.Equal((number, name), UrlPaths.NumberPrefix(segment));

    [Fact]
    public void A_scheme_is_what_browsers_read_before_the_colon_with_whitespace_and_control_characters_ignored()
    {
        // The plain definition: drop whitespace and control characters, lower-case, and take what
        // comes before a ':' that no '/', '?' or '#' precedes.
        static string? Plain(string url)
        {
            var compact = new string(url.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c)).ToArray()).ToLowerInvariant();
            var colon = compact.IndexOf(':');
            var stop = compact.IndexOfAny(['/', '?', '#']);
            return colon > 0 && (stop < 0 || colon < stop) ? compact[..colon] : null;
        }
        Assert.Equal("javascript", UrlPaths.Scheme(" JaVa\tScRiPt\n:alert(1)"));
        Assert.Equal("javascript", UrlPaths.Scheme("java\u0000script:alert(1)"));
        Assert.Equal("https", UrlPaths.Scheme("HTTPS://example.org/a:b"));
        Assert.Null(UrlPaths.Scheme("a/b:c"));
        Assert.Null(UrlPaths.Scheme(" \t:x"));
        Assert.Null(UrlPaths.Scheme("page.html#x:y"));
        var alphabet = "aZİı:/?# \t\n\u0000\u0085\u00a0\u2028\ud801\udc00.".ToCharArray();
        var random = new Random(7);
        for (var n = 0; n < 20_000; n++)
        {
            var url = new string(Enumerable.Range(0, random.Next(0, 9)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.True(Plain(url) == UrlPaths.Scheme(url), $"'{url}': '{UrlPaths.Scheme(url)}', not '{Plain(url)}'");
        }
    }
}
