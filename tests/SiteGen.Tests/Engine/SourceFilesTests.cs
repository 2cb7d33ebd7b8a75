using SiteGen.Tests.Support;

namespace SiteGen.Tests.Engine;

/// <summary>
/// A page found by listing input/ is checked with one look at the file, and the size and time of
/// change that look gives are what `serve` compares to know the page was edited.
/// </summary>
public class SourceFilesTests
{
    [Fact]
    public void A_listed_file_is_stamped_with_the_size_and_time_its_file_information_gives()
    {
        using var site = TempSite.WithPages();
        var path = Path.Combine(site.Input, "page.md");
        File.WriteAllText(path, "# A page\n");
        File.SetLastWriteTimeUtc(path, new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1234567));

        Assert.Null(SourceFiles.ProblemOfListed(new SourceFile(site.Input, "page.md"), SourceFiles.MaxTextBytes, out var stamp));
        // The same figures FileInfo reads (to the tick, so the fraction of a second counts too).
        Assert.Equal(BuildCache.FileStamp(path), stamp);
        Assert.StartsWith("9@", stamp);

        File.AppendAllText(path, "More.\n");
        SourceFiles.ProblemOfListed(new SourceFile(site.Input, "page.md"), SourceFiles.MaxTextBytes, out var edited);
        Assert.NotEqual(stamp, edited);
    }

    [Fact]
    public void A_listed_file_over_the_limit_or_linked_out_of_its_folder_is_refused()
    {
        using var site = TempSite.WithPages();
        File.WriteAllText(Path.Combine(site.Input, "big.md"), new string('a', 2000));
        Assert.Contains("over the limit of 1,000 bytes", SourceFiles.ProblemOfListed(new SourceFile(site.Input, "big.md"), 1000, out _));

        var secret = Path.Combine(site.Root, "secret.txt");
        File.WriteAllText(secret, "not for publishing");
        File.CreateSymbolicLink(Path.Combine(site.Input, "leak.md"), secret);
        Assert.Contains("leads outside the input folder", SourceFiles.ProblemOfListed(new SourceFile(site.Input, "leak.md"), SourceFiles.MaxTextBytes, out var stamp));
        Assert.Equal("", stamp);
    }
}
