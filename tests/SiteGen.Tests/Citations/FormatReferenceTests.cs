using SiteGen.Citations;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Citations;

public class FormatReferenceTests
{
    private static Reference Trial(int authors) => new()
    {
        Id = "t",
        Title = "A pilot randomized controlled trial of ketamine in Borderline Personality Disorder",
        Authors = Enumerable.Range(0, authors).Select(i => new PersonName($"Author{i}", "Sarah K.")).ToList(),
        ContainerTitle = "Neuropsychopharmacology", Year = 2023, Volume = "48", Issue = "7", Page = "991-999",
        Doi = "10.1038/s41386-023-01540-4", Pmid = "36804489",
    };

    [Fact]
    public void Shows_six_authors_then_et_al_and_vancouver_details()
    {
        Assert.Equal(
            "Author0 SK, Author1 SK, Author2 SK, Author3 SK, Author4 SK, Author5 SK, et al. A pilot randomized controlled trial of ketamine in " +
            "Borderline Personality Disorder. Neuropsychopharmacology. 2023;48(7):991-999. doi:10.1038/s41386-023-01540-4 PubMed: 36804489",
            FormatReference.Text(Trial(8), EnglishWords.Theme));
    }

    [Fact]
    public void Six_authors_are_all_shown() =>
        Assert.DoesNotContain("et al", FormatReference.Text(Trial(6), EnglishWords.Theme));

    [Fact]
    public void Links_to_doi_and_pubmed()
    {
        var html = FormatReference.Html(Trial(1), EnglishWords.Theme);
        Assert.Contains("<a href=\"https://doi.org/10.1038/s41386-023-01540-4\">doi:10.1038/s41386-023-01540-4</a>", html);
        Assert.Contains("<a href=\"https://pubmed.ncbi.nlm.nih.gov/36804489/\">PubMed: 36804489</a>", html);
    }

    [Fact]
    public void An_entry_without_authors_starts_with_its_title() =>
        Assert.StartsWith("A pilot randomized", FormatReference.Text(Trial(0), EnglishWords.Theme));

    [Fact]
    public void Titles_and_names_are_escaped()
    {
        var html = FormatReference.Html(Trial(1) with { Title = "<script>alert(1)</script>", Authors = [new PersonName("O'Brien<b>", "A")] }, EnglishWords.Theme);
        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Fact]
    public void Initials_handle_suffixes_and_hyphens()
    {
        var reference = Trial(0) with { Authors = [new PersonName("Zarate", "C. A., Jr."), new PersonName("Dupont", "Jean-Luc"), new PersonName(null, null, "et al.")] };
        Assert.StartsWith("Zarate CA Jr, Dupont JL, et al. ", FormatReference.Text(reference, EnglishWords.Theme));
    }

    [Theory]
    [InlineData(1, "Author0")]
    [InlineData(2, "Author0 and Author1")]
    [InlineData(3, "Author0 et al.")]
    public void Author_labels_for_narrative_citations(int authors, string expected) =>
        Assert.Equal(expected, AuthorLabel.For(Trial(authors)));
}
