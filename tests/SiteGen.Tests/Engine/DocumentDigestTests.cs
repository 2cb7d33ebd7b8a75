namespace SiteGen.Tests.Engine;

/// <summary>
/// The build cache keys a step's result on a digest of the whole document it is given: every
/// property counts, including one added later, so `serve` can never show a page made from
/// stale inputs because a field was left out of a hand-kept list.
/// </summary>
public class DocumentDigestTests
{
    /// <summary>A document with every property set to something other than its default.</summary>
    private static readonly Document Rich = new()
    {
        SourcePath = "a.md", OutputPath = "a.html", Kind = DocumentKind.Page, SourceStamp = "12@34",
        Meta = new PageMeta { Title = "T", Description = "D", Order = 2, Reviewed = new DateOnly(2026, 1, 2), Reviewers = [new Reviewer("R", "role", "MD")], ReviewStatus = "draft", Audience = "Clinician", Tags = ["t"], Limitations = ["l"], NavTitle = "N",
            ReviewedLine = 5, ReviewIntervalMonths = 6, Changes = [new PageChange(new DateOnly(2026, 1, 1), "s", "clinical", 7)], RedirectFrom = [new NamedFile("old.html", 9, 3)] },
        Markdown = "# m", BodyLine = 4, Content = "<p>c</p>", Utf8 = new byte[] { 1, 2 }, Staged = true,
        CopyFrom = new SourceFile("/in", "a.png"), Title = "Title", Headings = [new Heading(2, "H", "h")], Order = 3, CalloutHtml = "<aside></aside>",
        Navigation = new PageNavigation([new NavItem(new NavLink("a.html", "A"), [])], [new NavLink("index.html", "Home")], null, new NavLink("b.html", "B")),
        Links = [new SourceLink("b.md", 1, 2, false)], Citations = [new PageCitation("k", 1, ["cite-k-1"])],
        Facts = new PageFacts(new HashSet<string> { "x" }, [], [], [], [], 1, true, true, 1), Listed = true,
    };

    private static readonly Document Blank = new() { SourcePath = "", OutputPath = "", Kind = DocumentKind.CopiedFile };

    [Fact]
    public void Every_property_of_a_document_is_part_of_its_digest()
    {
        var digest = DocumentDigest.Of(Rich);
        foreach (var property in DocumentDigest.PropertiesOf(typeof(Document)))
        {
            // A property added to Document must be given a value here, or this fails first.
            Assert.False(Equals(property.GetValue(Rich), property.GetValue(Blank)), $"give Rich.{property.Name} a value that is not the default");
            var changed = Rich with { };
            property.SetValue(changed, property.GetValue(Blank));
            Assert.True(DocumentDigest.Of(changed) != digest, $"changing {property.Name} leaves the digest as it was");
        }
    }

    [Fact]
    public void A_page_held_as_UTF8_until_its_layout_reads_and_digests_as_the_same_page()
    {
        var page = Rich with { Content = "<p>Dębowska – “quoted” 😀</p>" };
        var compact = page.WithCompactContent();
        Assert.Equal(page.Content, compact.Content);
        Assert.Equal(DocumentDigest.Of(page), DocumentDigest.Of(compact));
        Assert.Equal(page.Content, (compact with { Title = "Other" }).Content);         // a copy keeps the text
        Assert.Equal("<p>new</p>", (compact with { Content = "<p>new</p>" }).Content);  // a new text replaces it
    }

    [Fact]
    public void A_change_inside_a_record_the_document_holds_changes_the_digest_too()
    {
        var digest = DocumentDigest.Of(Rich);
        foreach (var property in DocumentDigest.PropertiesOf(typeof(PageMeta)))
        {
            var meta = Rich.Meta with { };
            property.SetValue(meta, property.GetValue(PageMeta.Empty));
            Assert.True(DocumentDigest.Of(Rich with { Meta = meta }) != digest, $"changing Meta.{property.Name} leaves the digest as it was");
        }
        Assert.NotEqual(digest, DocumentDigest.Of(Rich with { Navigation = Rich.Navigation! with { Next = new NavLink("c.html", "C") } }));
    }

    [Fact]
    public void Equal_documents_have_equal_digests() =>
        Assert.Equal(DocumentDigest.Of(Rich), DocumentDigest.Of(Rich with { Content = new string("<p>c</p>".ToCharArray()) }));

    /// <summary>
    /// The site's settings are digested the same way (serve rebuilds every page when they change):
    /// pairs such as the theme's strings and the social links, and dictionaries such as the checks'
    /// severities, count by what they hold.
    /// </summary>
    [Fact]
    public void The_settings_digest_sees_inside_pairs_lists_and_dictionaries()
    {
        var settings = new SiteConfig
        {
            Strings = [("search", "Search", 3, 1)], Social = [("Mastodon", "https://example.org/@a")],
            CheckSeverities = new Dictionary<string, Severity?> { ["reading-grade"] = Severity.Warning },
        };
        var digest = DocumentDigest.OfValue(settings);
        Assert.Equal(digest, DocumentDigest.OfValue(settings with { }));
        Assert.NotEqual(digest, DocumentDigest.OfValue(settings with { Strings = [("search", "Find", 3, 1)] }));
        Assert.NotEqual(digest, DocumentDigest.OfValue(settings with { Social = [("Mastodon", "https://example.org/@b")] }));
        Assert.NotEqual(digest, DocumentDigest.OfValue(settings with { CheckSeverities = new Dictionary<string, Severity?> { ["reading-grade"] = Severity.Error } }));
        Assert.NotEqual(digest, DocumentDigest.OfValue(settings with { Title = "Another" }));
    }
}
