using SiteGen.Engine;
using SiteGen.Output;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Output;

public class OutputFolderGuardTests
{
    [Fact]
    public void Refuses_the_input_folder_and_its_parents()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"));
        Assert.Contains("contains, the input folder", OutputFolderGuard.Problem(new SitePaths(site.Input, site.Theme, site.Input)));
        Assert.Contains("contains, the input folder", OutputFolderGuard.Problem(new SitePaths(site.Input, site.Theme, site.Root)));
    }

    [Fact]
    public void Refuses_the_theme_folder_and_folders_inside_input()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"));
        Assert.Contains("the theme folder", OutputFolderGuard.Problem(new SitePaths(site.Input, site.Theme, site.Theme)));
        Assert.Contains("inside the input folder", OutputFolderGuard.Problem(new SitePaths(site.Input, site.Theme, Path.Combine(site.Input, "out"))));
    }

    [Fact]
    public void Refuses_the_repository_root()
    {
        var paths = SitePaths.FromArguments(Repo.Input, Repo.Theme, Repo.Root);
        Assert.NotNull(OutputFolderGuard.Problem(paths));
    }

    [Fact]
    public void Refuses_a_folder_of_someone_elses_files_and_deletes_nothing()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"));
        var precious = Path.Combine(site.Root, "documents");
        Directory.CreateDirectory(precious);
        File.WriteAllText(Path.Combine(precious, "thesis.docx"), "years of work");
        var result = site.Build(output: precious);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("already holds files that sitegen did not write", result.Diagnostics.Single().Message);
        Assert.Equal("years of work", File.ReadAllText(Path.Combine(precious, "thesis.docx")));
    }

    [Fact]
    public void Accepts_a_new_folder_and_one_it_wrote_before()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"));
        Assert.Equal(0, site.Build().ExitCode);
        Assert.Equal(0, site.Build().ExitCode);
    }
}
