using SiteGen.Content;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Security;

/// <summary>Killed builds, the swap of the output folder, and usage mistakes: clear messages, nothing lost.</summary>
public class OutputAndUsageTests
{
    private const string Home = "---\ntitle: Home\n---\nHello.\n";

    [Fact]
    public void The_next_build_removes_what_killed_builds_left_and_puts_back_a_missing_site()
    {
        using var site = TempSite.WithPages(("index.md", Home));
        // What a build killed between the two renames leaves: no output, the old site under '.old', its staging folder.
        var old = Path.Combine(site.Root, ".output.staging-999999-aaaa.old");
        Directory.CreateDirectory(old);
        File.WriteAllText(Path.Combine(old, ".sitegen-output"), "");
        File.WriteAllText(Path.Combine(old, "index.html"), "previous site");
        Directory.CreateDirectory(Path.Combine(site.Root, ".output.staging-999999-aaaa", "evidence"));
        Directory.CreateDirectory(Path.Combine(site.Root, ".output.staging-999998-bbbb"));
        site.Write("index.md", "---\ntitle: Home\n---\n[x](missing.md)\n");

        var failed = site.Build();
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal("previous site", site.ReadOutput("index.html"));
        Assert.Equal(["input", "output", "theme"], Directory.GetFileSystemEntries(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        site.Write("index.md", Home);
        Assert.Equal(0, site.Build().ExitCode);
        Assert.Contains("Hello.", site.ReadOutput("index.html"));
        Assert.Equal(["input", "output", "theme"], Directory.GetFileSystemEntries(site.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void Usage_mistakes_exit_2_with_a_message_and_no_stack_trace()
    {
        using var site = TempSite.WithPages(("index.md", Home));
        foreach (var (args, message) in new (string[], string)[]
                 {
                     (["build", "--workers", "0"], "--workers takes a whole number from 1 to 1024."),
                     (["build", "--output", ""], "--output needs a folder; it was given an empty value."),
                     (["serve", "--port", "70000"], "--port takes a number from 1 to 65535 (0 picks a free one)."),
                     (["new", "notes/x", "--title", "Two\nlines", "--reviewer", "A"], "--title holds a line break or another control character; give it on one line."),
                 })
        {
            var (code, _, err) = SitegenProcess.Run(site.Root, args);
            Assert.Equal(2, code);
            Assert.Contains(message, err);
            Assert.DoesNotContain("   at ", err);
        }
    }

    [Fact]
    public void New_reports_a_folder_it_cannot_write_to_instead_of_crashing()
    {
        using var site = TempSite.WithPages(("index.md", Home));
        File.WriteAllText(Path.Combine(site.Input, "evidence"), "a file where the section folder would go");
        var result = NewPage.Create(site.Input, "evidence/new-study", "New study", null, ["A Reviewer"], new DateOnly(2026, 12, 1));
        Assert.Null(result.CreatedPath);
        Assert.StartsWith("cannot create the page: ", result.Error);
    }
}
