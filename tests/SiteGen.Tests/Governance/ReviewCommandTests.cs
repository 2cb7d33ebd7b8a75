using System.Text.Json;
using SiteGen.Build;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Governance;

/// <summary>`sitegen review`: every page's place in the review cycle, the most urgent first, as a table, JSON or GitHub annotations.</summary>
public class ReviewCommandTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static TempSite Site() => TempSite.WithPages(
        ("index.md", "---\ntitle: Home\nreviewed: 2026-10-01\nreviewers:\n  - A. Example\n  - B. Other\n---\nx\n"),
        ("old.md", "---\ntitle: Old\nreviewed: 2025-06-01\n---\nx\n"),
        ("older.md", "---\ntitle: Older\nreviewed: 2025-01-01\n---\nx\n"),
        ("soon.md", "---\ntitle: Soon\nreviewed: 2026-06-10\nreview_interval_months: 6\n---\nx\n"),
        ("never.md", "---\ntitle: Never\n---\nx\n"));

    [Fact]
    public void The_table_lists_every_page_the_most_urgent_first()
    {
        using var site = Site();
        var (_, rows) = ReviewTable.Run(new BuildOptions(site.Input, site.Output, site.Theme), Today, Log.Silent);
        Assert.Equal(["never.md", "older.md", "old.md", "soon.md", "index.md"], rows.Select(r => Path.GetFileName(r.Page)));
        Assert.Equal(["not reviewed", "overdue", "overdue", "due soon", "current"], rows.Select(r => r.Status));
        var soon = rows[3];
        Assert.Equal((new DateOnly(2026, 12, 10), 17), (soon.NextDue!.Value, soon.DaysLeft!.Value));
        Assert.Equal(["A. Example", "B. Other"], rows[4].Reviewers);

        var text = ReviewTable.Format(rows, [], "text").Split('\n');
        Assert.Equal("status              next due    last reviewed  reviewers             page", text[0].TrimEnd());
        Assert.StartsWith("overdue (326 d)     2026-01-01  2025-01-01     -  ", text[2]);
        Assert.Contains("due soon (in 17 d)", text[4]);
        Assert.EndsWith("input/index.md", text[5]);

        var json = JsonDocument.Parse(ReviewTable.Format(rows, [], "json")).RootElement;
        Assert.Equal(5, json.GetArrayLength());
        Assert.Equal("2026-12-10", json[3].GetProperty("next_due").GetString());
        Assert.Equal(JsonValueKind.Null, json[0].GetProperty("last_reviewed").ValueKind);
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void The_command_prints_github_annotations_and_fails_while_a_review_is_overdue()
    {
        using var site = Site();
        var (code, stdout, _) = SitegenProcess.Run(site.Root, "review", "--format", "github", "--today", "2026-11-23");
        Assert.Equal(1, code);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("::error file=input/old.md,line=3,col=1,title=review-overdue::the review was due on 2026-06-01", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("::warning file=input/soon.md,line=3,col=1,title=review-due::", StringComparison.Ordinal));
        Assert.Equal(4, lines.Length);

        foreach (var page in new[] { "old.md", "older.md", "never.md" }) File.Delete(Path.Combine(site.Input, page));
        (code, stdout, _) = SitegenProcess.Run(site.Root, "review", "--today", "2026-11-23");
        Assert.Equal(0, code);
        Assert.Contains("due soon (in 17 d)", stdout);
        Assert.Equal(2, SitegenProcess.Run(site.Root, "review", "--today", "23/11/2026").Code);
    }
}
