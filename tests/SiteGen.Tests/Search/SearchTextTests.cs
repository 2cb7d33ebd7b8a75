using SiteGen.Search;

namespace SiteGen.Tests.Search;

public class SearchTextTests
{
    [Fact]
    public void Folds_case_and_accents() =>
        Assert.Equal(["naive", "cafe", "muller", "storebø"], SearchText.Words("Naïve CAFÉ Müller Storebø").ToList()[..3].Append(SearchText.Fold("Storebø")));

    [Fact]
    public void Splits_on_everything_but_letters_and_digits() =>
        Assert.Equal(["ketamine", "s", "n", "22", "nmda"], SearchText.Words("Ketamine's (n = 22), NMDA.").ToList());

    [Theory]
    [InlineData("infusions", "infus")]
    [InlineData("infusion", "infus")]
    [InlineData("therapies", "therapi")]
    [InlineData("studies", "studi")]
    [InlineData("reviews", "review")]
    [InlineData("increased", "increas")]
    [InlineData("increases", "increas")]
    [InlineData("dissociation", "dissoci")]
    [InlineData("dizziness", "dizzi")]
    [InlineData("bus", "bus")]
    [InlineData("analysis", "analysi")]
    [InlineData("class", "class")]
    [InlineData("gas", "gas")]
    [InlineData("nct03395314", "nct03395314")]
    [InlineData("5ht2a", "5ht2a")]
    public void Stems_with_snowball_english_and_keeps_words_with_digits_whole(string word, string stem) =>
        Assert.Equal(stem, SearchText.Stem(word));

    [Fact]
    public void Plural_and_singular_share_a_stem() =>
        Assert.Equal(SearchText.Stem("infusion"), SearchText.Stem("infusions"));

    [Theory]
    [InlineData("the", false)]
    [InlineData("x", false)]
    [InlineData("s41386", true)]
    [InlineData("36804489", true)]
    [InlineData("nct03395314", true)]
    [InlineData("cg78", true)]
    [InlineData("988", true)]
    [InlineData("2023", true)]
    [InlineData("22", true)]
    [InlineData("nmda", true)]
    public void Indexes_words_identifiers_and_numbers_of_any_length(string word, bool indexed) =>
        Assert.Equal(indexed, SearchText.IsIndexed(word));

    [Theory]
    // Mostly accents, marks, Greek, Cyrillic, ligatures and punctuation.
    [InlineData("abcXYZ 09-.,'’éÉüÖñçøßǅﬁΣσςЖж\u0301\u0308–— \u00A0\t\n", 40)]
    // Mostly ASCII, with long runs of letters and digits (read 8 at a time) and the characters
    // next to them in the code table, which must still separate words.
    [InlineData("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 @[`{_/:\u0010\u0019é", 120)]
    public void Folding_character_by_character_gives_the_words_of_folding_the_whole_text(string alphabet, int longest)
    {
        // The reader folds each character on its own; the browser folds the whole query
        // (NFD, marks dropped, lower case). The two must split any text into the same words.
        var random = new Random(7);
        for (var n = 0; n < 2000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, longest)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            Assert.Equal(WholeTextWords(text), SearchText.Words(text));
        }
    }

    private static IEnumerable<string> WholeTextWords(string text)
    {
        var folded = string.Concat(text.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(char.ToLowerInvariant));
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (letter && start < 0) start = i;
            else if (!letter && start >= 0) (words, start) = ([.. words, folded[start..i]], -1);
        }
        return words;
    }
}
