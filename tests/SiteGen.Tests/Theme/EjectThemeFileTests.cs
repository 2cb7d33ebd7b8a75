using SiteGen.Content;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Theme;

/// <summary>`sitegen theme eject`: a built-in file copied into the site's theme folder, to change it there.</summary>
public class EjectThemeFileTests
{
    [Fact]
    public void An_ejected_partial_is_copied_once_and_the_sites_edit_of_it_is_what_the_build_uses()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHello.\n"));
        Directory.Delete(site.Theme, recursive: true);
        var builtIn = SitePaths.DefaultBuiltInTheme!;

        var listed = EjectThemeFile.Eject(builtIn, site.Theme, null);
        Assert.Contains("partials/footer.liquid", listed.Available);
        Assert.Contains("assets/site.css", listed.Available);

        var ejected = EjectThemeFile.Eject(builtIn, site.Theme, "partials/footer.liquid");
        Assert.Null(ejected.Error);
        Assert.Equal(File.ReadAllText(Path.Combine(builtIn, "partials", "footer.liquid")), File.ReadAllText(ejected.Written!));
        File.WriteAllText(ejected.Written!, "<footer class=\"site-footer\"><p>Edited after ejecting.</p></footer>\n");
        Assert.StartsWith("'", EjectThemeFile.Eject(builtIn, site.Theme, "partials/footer.liquid").Error); // never overwritten
        Assert.Contains("did you mean 'partials/footer.liquid'?", EjectThemeFile.Eject(builtIn, site.Theme, "partials/foter.liquid").Error);

        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Edited after ejecting.", result.Documents.Single(d => d.OutputPath == "index.html").Content);
    }
}
