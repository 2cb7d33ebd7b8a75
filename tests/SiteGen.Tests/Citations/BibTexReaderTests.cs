using SiteGen.Citations;
using SiteGen.Engine;

namespace SiteGen.Tests.Citations;

public class BibTexReaderTests
{
    private const string Bib = """
        % A comment line, then a macro
        @string{np = "Neuropsychopharmacology"}

        @article{fineberg2023,
          author  = {Fineberg, Sarah K. and Choi, Eun Y. and M{\"u}ller, Felix and Jean-Luc de la Tour and {World Health Organization}},
          title   = {A pilot randomized controlled trial of {ketamine} in {Borderline Personality Disorder}},
          journal = np,
          year    = 2023,
          month   = jun,
          volume  = {48},
          number  = {7},
          pages   = {991--999},
          doi     = {10.1038/s41386-023-01540-4},
          pmid    = {36804489},
          note    = {design: pilot RCT
                     n: 22}
        }

        @book{apa2013,
          author    = "{American Psychiatric Association}",
          title     = "Diagnostic and Statistical Manual of Mental Disorders",
          publisher = {American Psychiatric Publishing},
          address   = {Arlington, VA},
          year      = {2013},
          doi       = {10.1176/appi.books.9780890425596}
        }
        """;

    [Fact]
    public void Reads_entries_with_braces_macros_accents_and_and_separated_authors()
    {
        var diagnostics = new Diagnostics();
        var references = BibTexReader.Read(Bib, "citations.bib", diagnostics);
        Assert.Empty(diagnostics.All);
        var trial = references[0];
        Assert.Equal("fineberg2023", trial.Id);
        Assert.Equal("article-journal", trial.Type);
        Assert.Equal("A pilot randomized controlled trial of ketamine in Borderline Personality Disorder", trial.Title);
        Assert.Equal("Neuropsychopharmacology", trial.ContainerTitle);
        Assert.Equal(
            [new PersonName("Fineberg", "Sarah K."), new PersonName("Choi", "Eun Y."), new PersonName("Müller", "Felix"),
             new PersonName("de la Tour", "Jean-Luc"), new PersonName(null, null, "World Health Organization")],
            trial.Authors);
        Assert.Equal((2023, 6, "48", "7", "991-999"), (trial.Year, trial.Month, trial.Volume, trial.Issue, trial.Page));
        Assert.Equal(("10.1038/s41386-023-01540-4", "36804489"), (trial.Doi, trial.Pmid));
        Assert.Equal(("pilot RCT", 22), (trial.Evidence.Design!.Name, trial.Evidence.N));
        Assert.Equal(4, trial.SourceLine);

        var book = references[1];
        Assert.Equal(("book", "American Psychiatric Association"), (book.Type, book.Authors.Single().Literal));
        Assert.Equal(("American Psychiatric Publishing", "Arlington, VA"), (book.Publisher, book.PublisherPlace));
    }

    [Theory]
    [InlineData(@"M{\""u}ller", "Müller")]
    [InlineData(@"M\""{u}ller", "Müller")]
    [InlineData(@"Ch{\'e}rif", "Chérif")]
    [InlineData(@"Ba{\c{c}}", "Baç")]
    [InlineData(@"Ko{\v{s}}ice", "Košice")]
    [InlineData(@"Stra{\ss}e", "Straße")]
    [InlineData(@"Risk \& benefit, 10\%", "Risk & benefit, 10%")]
    [InlineData(@"Na{\""\i}ve", "Naïve")]
    public void Latex_accents_become_unicode(string latex, string expected) =>
        Assert.Equal(expected, LatexText.ToPlain(latex));

    [Fact]
    public void An_unclosed_brace_is_reported_at_its_line_and_the_next_entry_is_still_read()
    {
        var diagnostics = new Diagnostics();
        var references = BibTexReader.Read("@article{a,\n  title = {Never closed,\n  year = 2020\n\n@article{b, title = {Fine}, year = 2021}\n", "citations.bib", diagnostics);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal((2, 11), (error.Line, error.Column));
        Assert.Contains("never closed", error.Message);
        Assert.Equal("b", Assert.Single(references).Id);
    }

    [Fact]
    public void An_entry_that_is_never_closed_is_reported_at_its_start()
    {
        var diagnostics = new Diagnostics();
        var references = BibTexReader.Read("@article{a,\n  title = {Fine},\n  year = 2020\n\n@article{b, title = {Fine}, year = 2021}\n", "citations.bib", diagnostics);
        var error = Assert.Single(diagnostics.All);
        Assert.Equal((1, 1, "entry 'a' is never closed; add '}' at its end."), (error.Line, error.Column, error.Message));
        Assert.Equal("b", Assert.Single(references).Id);
    }

    [Fact]
    public void An_entry_without_a_key_is_an_error()
    {
        var diagnostics = new Diagnostics();
        BibTexReader.Read("@article{,\n title = {X}}\n", "citations.bib", diagnostics);
        Assert.Contains("has no citation key", Assert.Single(diagnostics.All).Message);
    }
}
