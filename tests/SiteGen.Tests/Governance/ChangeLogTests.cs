using System.Text.Json;
using System.Xml.Linq;
using SiteGen.Engine;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Governance;

/// <summary>Front matter 'changes': the page's recent changes, the "What's new" page, the Atom feed of clinical changes, and JSON-LD dates.</summary>
public class ChangeLogTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static TempSite Site() => TempSite.WithPages(
        ("index.md", "---\ntitle: Home\nreviewed: 2026-11-01\nchanges:\n  - date: 2026-11-20\n    summary: Added the 2026 trial's results & what they mean\n    type: clinical\n" +
                     "  - date: 2026-10-02\n    summary: Fixed a broken link\n    type: editorial\n  - date: 2026-09-01\n    summary: First published\n    type: clinical\n" +
                     "  - date: 2026-08-01\n    summary: Draft\n    type: editorial\n---\nText.\n"),
        ("about.md", "---\ntitle: About <us>\nreviewed: 2026-11-01\nchanges:\n  - date: 2026-11-20\n    summary: New dosing table\n    type: clinical\n---\nText.\n"),
        ("plain.md", "---\ntitle: Plain\nreviewed: 2026-05-04\n---\nText.\n"));

    [Fact]
    public void A_page_shows_its_three_latest_changes_and_links_the_whole_log()
    {
        using var site = Site();
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content);
        var items = page.QuerySelectorAll(".page-changes li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["20 November 2026 Clinical Added the 2026 trial's results & what they mean", "2 October 2026 Editorial Fixed a broken link", "1 September 2026 Clinical First published"], items);
        Assert.Equal("whats-new.html", page.QuerySelector(".page-changes a")!.GetAttribute("href"));
        Assert.Null(Dom.Parse(result.Documents.Single(d => d.OutputPath == "plain.html").Content).QuerySelector(".page-changes"));
        // JSON-LD: reviewed as lastReviewed, the newest change as dateModified (the review date when the page logs none).
        var data = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal(("2026-11-01", "2026-11-20"), (data.GetProperty("lastReviewed").GetString(), data.GetProperty("dateModified").GetString()));
        var plain = JsonDocument.Parse(Dom.Parse(result.Documents.Single(d => d.OutputPath == "plain.html").Content).QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("2026-05-04", plain.GetProperty("dateModified").GetString());
    }

    [Fact]
    public void Whats_new_lists_every_change_newest_first_with_its_page()
    {
        using var site = Site();
        var result = site.Build(write: false);
        var page = Dom.Parse(result.Documents.Single(d => d.OutputPath == "whats-new.html").Content);
        var rows = page.QuerySelectorAll(".changes-table tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => c.TextContent.Trim()))).ToList();
        Assert.Equal([
            "20 November 2026 | About <us> | Clinical | New dosing table",
            "20 November 2026 | Home | Clinical | Added the 2026 trial's results & what they mean",
            "2 October 2026 | Home | Editorial | Fixed a broken link",
            "1 September 2026 | Home | Clinical | First published",
            "1 August 2026 | Home | Editorial | Draft"], rows);
        Assert.Equal("about.html", page.QuerySelector(".changes-table tbody tr th a")!.GetAttribute("href"));
        Assert.Equal("feed.xml", page.QuerySelector("a.feed-link")!.GetAttribute("href"));
        var head = Dom.Parse(result.Documents.Single(d => d.OutputPath == "plain.html").Content).QuerySelector("link[rel='alternate'][type='application/atom+xml']");
        Assert.Equal("feed.xml", head!.GetAttribute("href"));
    }

    [Fact]
    public void The_feed_is_valid_atom_of_the_clinical_changes_with_stable_ids_and_no_build_time()
    {
        using var site = Site();
        var first = site.Build(write: false).Documents.Single(d => d.OutputPath == "feed.xml").Content;
        var feed = XDocument.Parse(first).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        // Atom 1.0 (RFC 4287): a feed has exactly one id, title and updated, and an author unless every entry has one.
        foreach (var required in new[] { "id", "title", "updated" }) Assert.Single(feed.Elements(Atom + required));
        Assert.Equal("Test site", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("2026-11-20T00:00:00Z", feed.Element(Atom + "updated")!.Value);
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(3, entries.Count); // the clinical changes only
        foreach (var entry in entries)
        {
            foreach (var required in new[] { "id", "title", "updated" }) Assert.Single(entry.Elements(Atom + required));
            Assert.Matches("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", entry.Element(Atom + "id")!.Value);
            Assert.True(DateTimeOffset.TryParse(entry.Element(Atom + "updated")!.Value, out _));
            Assert.NotNull(entry.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "alternate"));
        }
        Assert.Equal(3, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        Assert.Equal("About <us>: New dosing table", entries[0].Element(Atom + "title")!.Value);
        Assert.Equal(["about.html", "index.html", "index.html"], entries.Select(e => e.Element(Atom + "link")!.Attribute("href")!.Value));
        Assert.Equal(first, site.Build(write: false).Documents.Single(d => d.OutputPath == "feed.xml").Content); // the same input, the same bytes
    }

    [Fact]
    public void A_site_that_logs_no_changes_has_no_log_page_and_no_feed()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nText.\n"));
        var result = site.Build(write: false);
        Assert.DoesNotContain(result.Documents, d => d.OutputPath is "whats-new.html" or "feed.xml");
        Assert.DoesNotContain("application/atom+xml", result.Documents.Single(d => d.OutputPath == "index.html").Content);
    }

    [Theory]
    [InlineData("  - summary: No date\n    type: clinical\n", 5, "each change needs 'date: YYYY-MM-DD'")]
    [InlineData("  - date: 2026-01-02\n    type: clinical\n", 5, "needs a 'summary'")]
    [InlineData("  - date: 2026-01-02\n    summary: Untyped\n", 5, "each change needs 'type: clinical'")]
    [InlineData("  - date: 2026-01-02\n    summary: Typo\n    type: clinicl\n", 5, "not 'clinicl'")]
    [InlineData("  - date: 2999-01-02\n    summary: Future\n    type: clinical\n", 5, "is in the future")]
    [InlineData("  - date: 2026-01-02\n    summary: Older\n    type: clinical\n  - date: 2026-03-02\n    summary: Newer\n    type: editorial\n", 8, "listed newest first, but 2026-03-02 comes after 2026-01-02")]
    [InlineData("  - date: 02/01/2026\n    summary: Wrong form\n    type: clinical\n", 5, "not '02/01/2026'")]
    public void A_wrong_change_entry_is_an_error_at_its_line(string changes, int line, string message)
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\nreviewed: 2026-01-01\nchanges:\n" + changes + "---\nText.\n"));
        var result = site.Build(write: false);
        var error = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(line, error.Line);
        Assert.EndsWith("index.md", error.File);
        Assert.Contains(message, error.Message);
    }
}
