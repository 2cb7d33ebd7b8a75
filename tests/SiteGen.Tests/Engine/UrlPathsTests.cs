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
}
