using SiteGen.Content;
using SiteGen.Engine;
using SiteGen.Tests.Support;
using SiteGen.Theme;

namespace SiteGen.Tests.Theme;

public class BuildNavigationTests
{
    private static IReadOnlyList<Document> Navigate(params (string Source, string Title)[] pages)
    {
        var context = TestContext.Create();
        var documents = pages.Select(p => new Document
        {
            SourcePath = p.Source, OutputPath = "", Kind = DocumentKind.Page, Title = p.Title, Listed = true,
        }).ToList();
        var assigned = new AssignUrls().Execute(documents, context);
        return new BuildNavigation().Execute(assigned, context);
    }

    private static readonly (string, string)[] Site =
    [
        ("02-evidence/02-other.md", "Other reports"),
        ("01-bpd.md", "Understanding BPD"),
        ("index.md", "Home"),
        ("02-evidence/index.md", "The evidence"),
        ("02-evidence/01-trial.md", "Pilot trial"),
        ("03-about.md", "About"),
    ];

    [Fact]
    public void The_sidebar_lists_pages_and_sections_in_order()
    {
        var tree = Navigate(Site)[0].Navigation!.Tree;
        Assert.Equal(["Home", "Understanding BPD", "The evidence", "About"], tree.Select(i => i.Link.Title));
        Assert.Equal(["Pilot trial", "Other reports"], tree[2].Children.Select(c => c.Link.Title));
    }

    [Fact]
    public void Subfolders_are_sections_of_their_own_listed_in_order()
    {
        var pages = Navigate(
            ("index.md", "Home"),
            ("02-guide/index.md", "Guide"),
            ("02-guide/01-start.md", "Start"),
            ("02-guide/03-deep/index.md", "Deep"),
            ("02-guide/03-deep/01-a.md", "Deep A"),
            ("02-guide/02-middle.md", "Middle"),
            ("01-intro.md", "Intro"));
        var tree = pages[0].Navigation!.Tree;
        Assert.Equal(["Home", "Intro", "Guide"], tree.Select(i => i.Link.Title));
        Assert.Equal(["Start", "Middle", "Deep"], tree[2].Children.Select(c => c.Link.Title));
        Assert.Equal(["Deep A"], tree[2].Children[2].Children.Select(c => c.Link.Title));
        var deepA = pages.Single(p => p.Title == "Deep A").Navigation!;
        Assert.Equal(["Home", "Guide", "Deep", "Deep A"], deepA.Breadcrumbs.Select(c => c.Title));
        Assert.Equal("Deep", deepA.Previous!.Title);
        Assert.Null(deepA.Next);
    }

    [Fact]
    public void Previous_and_next_follow_the_reading_order()
    {
        var trial = Navigate(Site).Single(d => d.Title == "Pilot trial").Navigation!;
        Assert.Equal("evidence/index.html", trial.Previous!.OutputPath);
        Assert.Equal("evidence/other.html", trial.Next!.OutputPath);
    }

    [Fact]
    public void The_first_and_last_pages_have_one_neighbour()
    {
        var pages = Navigate(Site);
        Assert.Null(pages.Single(d => d.Title == "Home").Navigation!.Previous);
        Assert.Null(pages.Single(d => d.Title == "About").Navigation!.Next);
    }

    [Fact]
    public void Breadcrumbs_lead_from_home_through_the_section()
    {
        var crumbs = Navigate(Site).Single(d => d.Title == "Other reports").Navigation!.Breadcrumbs;
        Assert.Equal(["Home", "The evidence", "Other reports"], crumbs.Select(c => c.Title));
    }
}
