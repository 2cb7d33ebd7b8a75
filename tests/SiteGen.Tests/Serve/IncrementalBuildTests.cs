using SiteGen.Build;
using SiteGen.Citations;
using SiteGen.Engine;
using SiteGen.Serve;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Serve;

/// <summary>
/// `sitegen serve` rebuilds from the previous build's results. Whatever the edit, the site it
/// then shows must be exactly what a fresh full build of the same input makes: every file,
/// byte for byte, and every finding.
/// </summary>
public class IncrementalBuildTests
{
    private static void Edit(TempSite site, string file, Func<string, string> change)
    {
        var path = Path.Combine(site.Input, file);
        var before = File.ReadAllText(path);
        var after = change(before);
        // An edit that no longer matches the real site's text would test nothing.
        Assert.NotEqual(before, after);
        File.WriteAllText(path, after);
    }

    /// <summary>Edits an editor makes, each after a first build of the real site.</summary>
    public static TheoryData<string> Edits() =>
        ["body", "title", "front matter", "citation", "new page", "deleted page", "citations file", "theme", "site.yml", "asset",
         "callout partial", "order", "raw html", "link to a new file", "heading", "theme strings", "site strings",
         "glossary", "glossary term removed", "included partial", "footer text", "theme style", "citations lock"];

    private static void Apply(string edit, TempSite site)
    {
        switch (edit)
        {
            case "body": Edit(site, "04-considerations.md", t => t + "\nA new closing paragraph about follow-up care.\n"); break;
            case "title": Edit(site, "01-understanding-bpd.md", t => t.Replace("title: ", "title: About ")); break;
            case "front matter": Edit(site, "04-considerations.md", t => t.Replace("reviewed: 2026-12-02", "reviewed: 2026-10-01").Replace("description: Side effects", "description: The side effects")); break;
            case "citation": Edit(site, "04-considerations.md", t => t + "\nDiagnostic criteria are set out in the DSM-5 [@apa2013dsm5].\n"); break;
            case "new page": site.Write("06-terms.md", "---\ntitle: Terms\ndescription: Terms used on this site.\n---\n## Dissociation\n\nFeeling detached.\n"); break;
            case "deleted page": File.Delete(Path.Combine(site.Input, "06-extra.md")); break;
            case "citations file": Edit(site, "citations.json", t => t.Replace("\"title\": \"", "\"title\": \"Revised: ")); break;
            case "theme": File.AppendAllText(Path.Combine(site.Theme, "partials", "footer.liquid"), "<p>Printed from the test.</p>\n"); break;
            case "site.yml": Edit(site, "site.yml", t => t.Replace("title: ", "title: The ")); break;
            case "asset": File.WriteAllText(Path.Combine(site.Theme, "assets", "extra.css"), "p { margin: 0; }\n"); break;
            case "callout partial": Edit(site, "_partials/limitations.md", t => t + "\nOne more standing caveat.\n"); break;
            case "order": Edit(site, "06-extra.md", t => t.Replace("title: Extra", "title: Extra\norder: -5")); break;
            case "raw html": Edit(site, "04-considerations.md", t => t + "\n<details>\n<summary>More</summary>\n\nHidden **detail**.\n\n</details>\n"); break;
            case "link to a new file":
                site.Write("notes.txt", "plain notes");
                Edit(site, "06-extra.md", t => t + "\nSee [the notes](notes.txt).\n");
                break;
            case "heading": Edit(site, "04-considerations.md", t => t + "\n## A closing section\n\nText.\n"); break;
            case "theme strings":
                var strings = Path.Combine(site.Theme, "strings", "en.yml");
                File.WriteAllText(strings, File.ReadAllText(strings).Replace("references: References", "references: Sources"));
                break;
            case "site strings": Edit(site, "site.yml", t => t + "\nstrings:\n  on_this_page: Contents\n"); break;
            case "glossary": Edit(site, "_data/glossary.yml", t => t.Replace("definition: A sedative medicine.", "definition: A calming medicine.")); break;
            // Pages that write "BPD" without spelling it out now get an 'undefined-term' warning.
            case "glossary term removed": Edit(site, "_data/glossary.yml", t => t.Replace("- term: BPD\n", "- term: BPD-not-used\n")); break;
            case "included partial": Edit(site, "_partials/crisis.md", t => t.Replace("get help now.", "please get help now.")); break;
            case "footer text": Edit(site, "site.yml", t => t + "\nfooter_text: \"See [the methods](05-about.md).\"\n"); break;
            case "theme style": File.AppendAllText(Path.Combine(site.Theme, "assets", "site.css"), "\n.from-the-test { margin: 0; }\n"); break;
            case "citations lock": WriteCorrectionNotice(site); break;
        }
    }

    /// <summary>`sitegen refs verify` found a correction to a cited work: the lock file says so, and each page citing it shows it.</summary>
    private static void WriteCorrectionNotice(TempSite site)
    {
        var file = Path.Combine(site.Input, "citations.json");
        var cited = CslJsonReader.Read(File.ReadAllBytes(file), file, new Diagnostics()).Single(r => r.Id == "apa2013dsm5");
        CitationsLock.Write(Path.Combine(site.Input, CitationLibrary.LockFile), new Dictionary<string, LockedEntry>
        {
            [cited.Id] = new("2026-12-02", CitationsLock.Digest(cited),
                [new ReferenceRecord { Source = "crossref", Title = cited.Title, Notices = [new ReferenceNotice("correction", "10.1000/erratum", "2024-01-09")] }]),
        });
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public void An_incremental_rebuild_shows_what_a_full_build_makes(string edit)
    {
        using var site = TempSite.CopyOfRealSite();
        site.Write("06-extra.md", "---\ntitle: Extra\ndescription: A page to delete.\n---\nShort.\n");
        // Sidebars of more than two entries are written as shared files, so those are rebuilt too.
        File.AppendAllText(Path.Combine(site.Input, "site.yml"), "\nsidebar_inline_max: 2\n");
        var live = new LiveSite(new BuildOptions(site.Input, site.Output, site.Theme), Log.Silent);
        Assert.Equal(0, live.Rebuild().ExitCode);
        Assert.Contains(live.Paths, p => p.StartsWith("assets/nav/", StringComparison.Ordinal));
        live.CompleteLater();

        Apply(edit, site);
        var incremental = live.Rebuild();
        live.CompleteLater();
        var full = site.Build(write: false);

        Assert.Equal(0, full.ExitCode);
        Assert.Equal(full.Diagnostics, incremental.Diagnostics);
        var expected = full.Documents.Where(d => d.OutputPath.Length > 0).ToDictionary(d => d.OutputPath);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), live.Paths);
        foreach (var (path, document) in expected)
        {
            var shown = live.Find(path)!;
            Assert.True((document.CopyFrom?.FullPath ?? document.Text) == (shown.CopyFrom?.FullPath ?? shown.AsText()), $"{path} differs after the '{edit}' edit");
        }
    }

    [Fact]
    public void A_body_edit_redoes_only_that_page_and_updates_search_after_the_page_is_shown()
    {
        using var site = TempSite.CopyOfRealSite();
        var live = new LiveSite(new BuildOptions(site.Input, site.Output, site.Theme), Log.Silent);
        live.Rebuild();
        live.CompleteLater();

        Edit(site, "04-considerations.md", t => t + "\nZygomorphic is a word found on no other page.\n");
        Assert.Equal(0, live.Rebuild().ExitCode);
        // Front matter, Markdown (with the reading-grade and abbreviation checks), callout,
        // navigation and layout of the one page; everything else is reused.
        var (reused, made) = live.LastBuild;
        Assert.Equal(5, made);
        Assert.True(reused > 20, $"{reused} results reused");
        Assert.Contains("Zygomorphic", live.Find("considerations.html")!.Text);
        // The search index is the previous one until the work left for later is done.
        Assert.False(IndexHolds(live, "\"zygomorph"));
        live.CompleteLater();
        Assert.True(IndexHolds(live, "\"zygomorph"));
    }

    private static bool IndexHolds(LiveSite live, string text) =>
        live.Paths.Where(p => p.StartsWith("search/t/", StringComparison.Ordinal)).Any(p => live.Find(p) is { } file && file.AsText()!.Contains(text, StringComparison.Ordinal));
}
