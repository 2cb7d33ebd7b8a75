using System.Diagnostics;
using System.Text.Json;
using SiteGen.Build;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Governance;

/// <summary>`sitegen diff` and `check --base`: what a change does to the site's text and citations, and whether it was reviewed or logged.</summary>
public class SiteDiffTests
{
    private const string TrialPage = "03-evidence/01-pilot-trial.md";

    [Fact]
    public void Two_builds_of_this_site_differ_by_exactly_the_changed_sentence_and_citation()
    {
        using var site = TempSite.CopyOfRealSite();
        var before = Path.Combine(site.Root, "before");
        var after = Path.Combine(site.Root, "after");
        Assert.Equal(0, site.Build(output: before).ExitCode);
        var path = Path.Combine(site.Input, TrialPage.Replace('/', Path.DirectorySeparatorChar));
        var text = File.ReadAllText(path);
        var edited = text.Replace("- Ten people had ketamine. That is too few to show that it is safe for people with BPD.",
            "- Ten people had ketamine. That is far too few to show that it is safe for people with BPD [@storebo2020].");
        Assert.NotEqual(text, edited);
        File.WriteAllText(path, edited);
        Assert.Equal(0, site.Build(output: after).ExitCode);

        var diff = SiteDiff.Compare(before, after);
        Assert.Empty(diff.Added);
        Assert.Empty(diff.Removed);
        Assert.Equal(2, diff.Changed.Count);
        var page = Assert.Single(diff.Changed, p => p.Path.EndsWith("pilot-trial.html", StringComparison.Ordinal));
        Assert.Equal(["That is too few to show that it is safe for people with BPD."], page.Removed);
        Assert.Equal("That is far too few to show that it is safe for people with BPD [storebo2020].", Assert.Single(page.Added));
        Assert.Equal(["storebo2020"], page.CitationsAdded);
        Assert.Empty(page.CitationsRemoved);
        // The references page lists the pages that cite each work: it changes with the citation, and says so.
        var references = Assert.Single(diff.Changed, p => p.Path == "references.html");
        Assert.Contains("The 2023 pilot randomised trial", Assert.Single(references.Added));
        Assert.Empty(SiteDiff.Compare(before, before).Changed);

        var json = JsonDocument.Parse(DiffReport.Format(diff, "json")).RootElement;
        Assert.Equal("storebo2020", json.GetProperty("changed")[0].GetProperty("citations_added")[0].GetString());
        var markdown = DiffReport.Format(diff, "markdown");
        Assert.Contains("```diff\n- That is too few to show that it is safe for people with BPD.\n+ That is far too few", markdown);
        Assert.Contains("Citations added: `storebo2020`", markdown);
        Assert.Contains("2 pages changed, 0 added, 0 removed", DiffReport.Format(diff, "text"));
    }

    [Fact]
    public void Pages_added_and_removed_are_listed_by_path_and_title()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nOne. Two.\n"), ("gone.md", "---\ntitle: Gone\n---\nText.\n"));
        var before = Path.Combine(site.Root, "before");
        site.Build(output: before);
        File.Delete(Path.Combine(site.Input, "gone.md"));
        site.Write("new.md", "---\ntitle: New page\n---\nText.\n");
        var after = Path.Combine(site.Root, "after");
        site.Build(output: after);
        var diff = SiteDiff.Compare(before, after);
        Assert.Equal([new ListedPage("new.html", "New page")], diff.Added);
        Assert.Equal([new ListedPage("gone.html", "Gone")], diff.Removed);
    }

    private static void Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false" }.Concat(args)) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(60_000));
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', args)}: {error.Result}");
    }

    /// <summary>A site in a git repository of its own, with one commit.</summary>
    private static TempSite Committed()
    {
        var site = TempSite.WithPages(("index.md", "---\ntitle: Home\nreviewed: 2026-11-01\n---\nKetamine was tried once. The trial was small.\n"),
            ("other.md", "---\ntitle: Other\nreviewed: 2026-11-01\n---\nText.\n"));
        Git(site.Root, "init", "-q", "-b", "main");
        Git(site.Root, "add", "-A");
        Git(site.Root, "commit", "-q", "-m", "first");
        return site;
    }

    [Fact]
    public void Check_base_catches_a_page_whose_text_changed_while_its_review_and_log_did_not()
    {
        using var site = Committed();
        site.Write("index.md", "---\ntitle: Home\nreviewed: 2026-11-01\n---\nKetamine was tried once. The trial was very small.\n");
        var check = SiteChecker.Check(new BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, new DateOnly(2026, 12, 2), baseRef: "main");
        var error = Assert.Single(check.Diagnostics, d => d.Rule == CheckRule.UnreviewedChange);
        Assert.Equal((Severity.Error, 3), (error.Severity, error.Line));
        Assert.EndsWith("index.md", error.File);
        Assert.StartsWith("the page's text changed since main, but neither 'reviewed' nor 'changes:' did", error.Message);

        // Logged as a change, it passes; so does a front-matter-only edit of another page.
        site.Write("index.md", "---\ntitle: Home\nreviewed: 2026-11-01\nchanges:\n  - date: 2026-11-30\n    summary: Said how small the trial was\n    type: editorial\n---\nKetamine was tried once. The trial was very small.\n");
        site.Write("other.md", "---\ntitle: Other page\nreviewed: 2026-11-01\n---\nText.\n");
        var logged = SiteChecker.Check(new BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, new DateOnly(2026, 12, 2), baseRef: "main");
        Assert.DoesNotContain(logged.Diagnostics, d => d.Rule == CheckRule.UnreviewedChange);

        var missing = SiteChecker.Check(new BuildOptions(site.Input, site.Output, site.Theme), null, Log.Silent, new DateOnly(2026, 12, 2), baseRef: "no-such-branch");
        Assert.Equal(BuildResult.UsageError, missing.ExitCode);
        Assert.Contains("is not a commit, branch or tag of this repository", Assert.Single(missing.Diagnostics).Message);
    }

    [Trait("Category", SitegenProcess.Category)]
    [Fact]
    public void Diff_base_builds_the_commit_and_the_working_tree_and_prints_markdown_for_a_pull_request()
    {
        using var site = Committed();
        site.Write("index.md", "---\ntitle: Home\nreviewed: 2026-11-01\n---\nKetamine was tried once. The trial was very small.\n");
        var (code, stdout, stderr) = SitegenProcess.Run(site.Root, "diff", "--base", "main", "--format", "markdown");
        Assert.True(code == 0, stderr);
        Assert.Contains("1 page changed, 0 added, 0 removed.", stdout);
        Assert.Contains("```diff\n- The trial was small.\n+ The trial was very small.\n```", stdout);
        Assert.Equal(2, SitegenProcess.Run(site.Root, "diff").Code);
    }
}
