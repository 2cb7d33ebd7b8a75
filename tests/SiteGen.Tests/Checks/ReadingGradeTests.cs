using System.Text.RegularExpressions;
using SiteGen.Checks;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Checks;

/// <summary>The reading-grade check: Flesch-Kincaid on the prose a reader reads, against the target for the page's audience.</summary>
public class ReadingGradeTests
{
    private const string Plain = "We gave the drug to ten people. It did not help more than the other drug. We do not know if it works. More tests are needed. Talk to your doctor first. Do not stop your own care.";
    private const string Dense = "Pharmacological augmentation strategies utilising N-methyl-D-aspartate receptor antagonism demonstrated heterogeneous effectiveness across methodologically inconsistent observational investigations, necessitating considerably larger randomised evaluations incorporating standardised psychometric instrumentation.";

    [Fact]
    public void Short_sentences_of_everyday_words_score_low_and_dense_prose_scores_high()
    {
        var plain = ReadingGrade.Of($"<p>{Plain}</p>")!;
        Assert.Equal(6, plain.Sentences);
        Assert.InRange(plain.Grade, -2, 3);
        var dense = ReadingGrade.Of($"<p>{Dense} {Dense}</p>")!;
        Assert.True(dense.Grade > 20, $"{dense}");
    }

    [Theory]
    [InlineData("<table><tr><td>{0}</td></tr></table>")]
    [InlineData("<div class=\"for-clinicians\"><p>{0}</p></div>")]
    [InlineData("<pre><code>{0}</code></pre>")]
    [InlineData("<section class=\"references\"><ol><li>{0}</li></ol></section>")]
    [InlineData("<h2>{0}</h2>")]
    public void Tables_code_references_headings_and_blocks_for_clinicians_are_not_measured(string wrapper)
    {
        var measured = ReadingGrade.Of($"<p>{Plain}</p>{string.Format(wrapper, Dense)}")!;
        Assert.Equal(ReadingGrade.Of($"<p>{Plain}</p>")!, measured);
    }

    [Fact]
    public void Each_list_item_ends_a_sentence_and_syllables_follow_the_dictionary_on_common_words()
    {
        Assert.Equal(3, ReadingGrade.Of("<ul><li>one small trial of a drug in ten people</li><li>no clear change in mood for them</li><li>a short follow up of two weeks only</li></ul>")!.Sentences);
        Assert.Equal([2, 3, 4, 1, 3, 5], new[] { "trial", "idea", "suicidal", "used", "reported", "personality" }.Select(ReadingGrade.Syllables));
    }

    [Fact]
    public void Syllables_are_vowel_groups_of_two_letters_at_most_plus_pairs_said_apart_less_silent_endings()
    {
        // The rule written plainly, with regular expressions: pairs said as two syllables are
        // found left to right without overlapping, the endings are dropped as the summary says, and
        // every one or two vowels in a row are a group.
        static int Plain(string word)
        {
            var w = word.ToLowerInvariant();
            if (w.Length <= 3) return 1;
            var split = Regex.Matches(w, @"(?<![ct])ia|iet|ua|eo|ui(?=[cdt])|[^aeiou]ea\z|ing\z|iou").Count;
            if (Regex.IsMatch(w, @"[^laeiouytd]ed\z")) w = w[..^3];
            else if (Regex.IsMatch(w, @"[^laeiouy]es\z")) w = w[..^3];
            else if (Regex.IsMatch(w, @"[^laeiouy]e\z")) w = w[..^2];
            if (w.StartsWith('y')) w = w[1..];
            return Math.Max(1, Regex.Matches(w, "[aeiouy]{1,2}").Count + split);
        }
        var alphabet = "aeiouyAEYbcdgklnrstz'-éİ".ToCharArray();
        var random = new Random(11);
        for (var n = 0; n < 20_000; n++)
        {
            var word = new string(Enumerable.Range(0, random.Next(1, 13)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.True(Plain(word) == ReadingGrade.Syllables(word), $"'{word}': {ReadingGrade.Syllables(word)}, not {Plain(word)}");
        }
        Assert.Equal(3, ReadingGrade.Of("<p>" + string.Join(" ", Enumerable.Repeat("Idea", 30)) + ".</p>")!.Syllables / 30);
    }

    [Fact]
    public void A_patient_page_above_the_target_gets_a_warning_with_its_figures_and_other_audiences_are_not_measured()
    {
        using var site = TempSite.WithPages(
            ("index.md", $"---\ntitle: Home\n---\n{Plain}\n"),
            ("dense.md", $"---\ntitle: Dense\n---\n{Dense} {Dense}\n"),
            ("clinical.md", $"---\ntitle: Clinical\naudience: Clinician\n---\n{Dense} {Dense}\n"),
            ("layered.md", $"---\ntitle: Layered\n---\n{Plain}\n\n::: for-clinicians\n{Dense} {Dense}\n:::\n"));
        site.Write("site.yml", "title: T\naudience: Patient\n");
        var warning = Assert.Single(site.Build(write: false).Diagnostics);
        Assert.Equal(("dense.md", "reading-grade"), (Path.GetFileName(warning.File), warning.Rule));
        Assert.Matches(@"^reading grade \d+\.\d \(Flesch-Kincaid; 48 words in 2 sentences, .* is above 8, the target for Patient pages;", warning.Message);
    }

    [Fact]
    public void Site_yml_sets_the_target_per_audience()
    {
        using var site = TempSite.WithPages(("clinical.md", $"---\ntitle: Clinical\naudience: Clinician\n---\n{Dense} {Dense}\n"), ("index.md", $"---\ntitle: Home\n---\n{Dense} {Dense}\n"));
        site.Write("site.yml", "title: T\naudience: Patient\nreading_grade:\n  Clinician: 14\n");
        var warning = Assert.Single(site.Build(write: false).Diagnostics);
        Assert.Equal("clinical.md", Path.GetFileName(warning.File));
        Assert.Contains("is above 14, the target for Clinician pages", warning.Message);
    }
}
