using SiteGen.Tests.Support;

namespace SiteGen.Tests.Theme;

/// <summary>
/// A site's own look comes from its site.yml, not from editing the theme: a logo, an icon,
/// colours, extra style sheets and scripts, a footer line and links to its accounts elsewhere.
/// </summary>
public class SiteLookSettingsTests
{
    private const string Settings = """
        title: Look
        logo: images/logo.svg
        favicon: images/icon.png
        extra_css: css/extra.css
        extra_js: [js/one.js, js/two.js]
        footer_text: "Written by the *Look* team. [About](about.md)"
        social:
          Mastodon: https://social.example.org/@look
          Email: mailto:team@example.org
        colors:
          accent: "#123456"
          link: rgb(10 20 30)
        colors_dark:
          accent: "#abcdef"
        """;

    private static TempSite LookSite(string settings = Settings)
    {
        var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHello.\n"), ("guide/index.md", "---\ntitle: Guide\n---\nText.\n"),
            ("about.md", "---\ntitle: About\n---\nUs.\n"));
        site.Write("site.yml", settings);
        site.Write("images/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
        site.Write("images/icon.png", "png");
        site.Write("css/extra.css", "body { letter-spacing: 0.01em; }\n");
        site.Write("js/one.js", "// one\n");
        site.Write("js/two.js", "// two\n");
        return site;
    }

    [Fact]
    public void Logo_icon_colours_extra_files_footer_line_and_social_links_come_from_site_yml()
    {
        using var site = LookSite();
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Diagnostics);

        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "guide/index.html").Content);
        Assert.Equal("../images/logo.svg", page.QuerySelector("header .site-title img.site-logo")!.GetAttribute("src"));
        Assert.Equal("", page.QuerySelector("img.site-logo")!.GetAttribute("alt")); // the title beside it names the link
        var icon = page.QuerySelector("link[rel=icon]")!;
        Assert.Equal(("../images/icon.png", "image/png"), (icon.GetAttribute("href"), icon.GetAttribute("type")));
        Assert.Equal(["../assets/site.css", "../assets/site-colors.css", "../css/extra.css"],
            page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")));
        Assert.Equal(["../assets/theme-init.js", "../assets/site.js", "../assets/search.js", "../js/one.js", "../js/two.js"],
            page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")));
        // Deferred, all but the few lines that apply a chosen colour scheme before the page is drawn.
        Assert.All(page.QuerySelectorAll("script[src]").Skip(1), s => Assert.True(s.HasAttribute("defer")));

        var footerText = page.QuerySelector(".site-footer .footer-text")!;
        Assert.Equal("Written by the Look team. About", footerText.TextContent);
        Assert.Equal("../about.html", footerText.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal([("Mastodon", "https://social.example.org/@look"), ("Email", "mailto:team@example.org")],
            page.QuerySelectorAll(".social-links a").Select(a => (a.TextContent, a.GetAttribute("href")!)));

        var colors = result.Documents.Single(d => d.OutputPath == "assets/site-colors.css").Content!;
        Assert.Equal("""
            /* The site's colours from site.yml, loaded after site.css. Written by sitegen. */
            :root[data-theme="light"] {
              --accent: #123456;
              --link: rgb(10 20 30);
            }
            @media not all and (prefers-color-scheme: dark) {
              :root:not([data-theme="dark"]) {
                --accent: #123456;
                --link: rgb(10 20 30);
              }
            }
            :root[data-theme="dark"] {
              --accent: #abcdef;
            }
            @media (prefers-color-scheme: dark) {
              :root:not([data-theme="light"]) {
                --accent: #abcdef;
              }
            }

            """.ReplaceLineEndings("\n"), colors);
    }

    [Fact]
    public void Without_these_settings_the_pages_load_only_the_theme()
    {
        using var site = LookSite("title: Plain\n");
        var result = site.Build(write: false);
        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content);
        Assert.Null(page.QuerySelector("img.site-logo"));
        Assert.Equal("assets/favicon.svg", page.QuerySelector("link[rel=icon]")!.GetAttribute("href"));
        Assert.Equal(["assets/site.css"], page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")));
        Assert.Null(page.QuerySelector(".footer-text, .social-links"));
        Assert.DoesNotContain(result.Documents, d => d.OutputPath == "assets/site-colors.css");
    }

    [Theory]
    [InlineData("logo: images/missing.svg", 2, 7, "logo 'images/missing.svg' is not a file in input/: put the file at input/images/missing.svg")]
    [InlineData("logo: ../secret.svg", 2, 7, "'logo' must be a path inside input/")]
    [InlineData("logo: _partials/limitations.md", 2, 7, "'logo' must be a path inside input/")]
    [InlineData("logo: css/extra.css", 2, 7, "'logo' must name a .svg, .png, .jpg, .jpeg, .webp, .gif, .avif file")]
    [InlineData("extra_js: [js/one.js, js/three.js]", 2, 23, "extra_js 'js/three.js' is not a file in input/")]
    [InlineData("extra_css: js/one.js", 2, 12, "'extra_css' must name a .css file")]
    [InlineData("colors:\n  accent: \"red; } body { display: none\"", 3, 3, "'red; } body { display: none' is not a CSS colour")]
    [InlineData("colors:\n  \"a}b\": red", 3, 3, "'a}b' is not a colour name of the theme")]
    [InlineData("footer_text: See [the guide](guide/missing.md).", 2, 5, "page 'guide/missing.md' not found")]
    [InlineData("social:\n  Bad: javascript:alert(1)", 3, 3, "social link 'Bad' must be an absolute https:// (or mailto:) address")]
    public void A_bad_setting_is_an_error_at_its_line_saying_what_to_do(string setting, int line, int column, string message)
    {
        using var site = LookSite($"title: Look\n{setting}\n");
        var result = site.Build(write: false);
        Assert.NotEqual(0, result.ExitCode);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("site.yml", line, column), (Path.GetFileName(error.File), error.Line, error.Column));
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void A_colour_the_theme_does_not_declare_is_a_warning_with_the_nearest_name()
    {
        using var site = LookSite("title: Look\ncolors:\n  acent: \"#123456\"\n");
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("site.yml", 3, 3), (Path.GetFileName(warning.File), warning.Line, warning.Column));
        Assert.Equal("the theme's assets/site.css has no colour '--acent', so this changes nothing (did you mean 'accent'?).", warning.Message);
    }
}
