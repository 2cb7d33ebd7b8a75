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
    public void Refuses_a_repository_root_that_holds_neither_input_nor_theme()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"));
        var otherRepository = Path.Combine(site.Root, "other-repo");
        Directory.CreateDirectory(Path.Combine(otherRepository, ".git"));
        var problem = OutputFolderGuard.Problem(SitePaths.FromArguments(site.Input, site.Theme, otherRepository));
        Assert.Equal($"the output folder '{otherRepository}' is, or contains, the repository root; choose a folder such as 'output'.", problem);
    }

    [Fact]
    public void Refuses_a_symbolic_link_and_a_folder_inside_the_theme_and_deletes_nothing()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nx\n"));
        var elsewhere = Path.Combine(site.Root, "elsewhere");
        Directory.CreateDirectory(Path.Combine(elsewhere, "keep"));
        var link = Path.Combine(site.Root, "out-link");
        Directory.CreateSymbolicLink(link, elsewhere);
        var linked = site.Build(output: link);
        Assert.Equal(2, linked.ExitCode);
        Assert.Contains("is a symbolic link", Assert.Single(linked.Diagnostics).Message);
        Assert.True(Directory.Exists(Path.Combine(elsewhere, "keep")));

        var insideTheme = site.Build(output: Path.Combine(site.Theme, "out"));
        Assert.Equal(2, insideTheme.ExitCode);
        Assert.Contains("inside the theme folder", Assert.Single(insideTheme.Diagnostics).Message);
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
