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
    [InlineData("infusions", "infusion")]
    [InlineData("infusion", "infusion")]
    [InlineData("therapies", "therapy")]
    [InlineData("studies", "study")]
    [InlineData("reviews", "review")]
    [InlineData("increased", "increas")]
    [InlineData("increases", "increase")]
    [InlineData("dissociation", "dissociation")]
    [InlineData("dizziness", "dizzi")]
    [InlineData("bus", "bus")]
    [InlineData("analysis", "analysis")]
    [InlineData("class", "class")]
    [InlineData("gas", "gas")]
    public void Stems_common_english_suffixes(string word, string stem) =>
        Assert.Equal(stem, SearchText.Stem(word));

    [Fact]
    public void Plural_and_singular_share_a_stem() =>
        Assert.Equal(SearchText.Stem("infusion"), SearchText.Stem("infusions"));

    [Theory]
    [InlineData("the", false)]
    [InlineData("x", false)]
    [InlineData("s41386", false)]
    [InlineData("36804489", false)]
    [InlineData("2023", true)]
    [InlineData("22", true)]
    [InlineData("nmda", true)]
    public void Indexes_words_and_short_numbers_but_not_identifiers(string word, bool indexed) =>
        Assert.Equal(indexed, SearchText.IsIndexed(word));

    [Theory]
    [InlineData("ketamine", "ke")]
    [InlineData("2023", "20")]
    [InlineData("ølen", "_l")]
    [InlineData("a", "a")]
    public void Shard_keys_are_the_first_two_file_safe_characters(string stem, string key) =>
        Assert.Equal(key, SearchText.ShardKey(stem));
}
