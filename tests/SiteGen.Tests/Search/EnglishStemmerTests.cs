using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// The stemmer against Snowball's published reference: every word of its English test vocabulary
/// (42,649 words, TestData/snowball-english, BSD licence beside it) must give the published stem.
/// </summary>
public class EnglishStemmerTests
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Search", "TestData", "snowball-english");

    public static (string[] Words, string[] Stems) Reference() =>
        (File.ReadAllLines(Path.Combine(Folder, "voc.txt")), File.ReadAllLines(Path.Combine(Folder, "output.txt")));

    [Fact]
    public void Every_word_of_the_snowball_vocabulary_gives_the_published_stem()
    {
        var (words, stems) = Reference();
        Assert.Equal(42_649, words.Length);
        Assert.Equal(words.Length, stems.Length);
        var wrong = words.Select((w, i) => (Word: w, Expected: stems[i], Actual: EnglishStemmer.Stem(w))).Where(x => x.Expected != x.Actual).ToList();
        Assert.True(wrong.Count == 0, $"{wrong.Count} words differ, e.g. " + string.Join(", ", wrong.Take(100).Select(x => $"{x.Word}: {x.Actual} (not {x.Expected})")));
    }

    [Theory]
    [InlineData("infusions", "infusion", "infus")]
    [InlineData("flexibility", "flexible", "flexibl")]
    public void Variants_share_a_stem(string a, string b, string stem)
    {
        Assert.Equal(stem, EnglishStemmer.Stem(a));
        Assert.Equal(stem, EnglishStemmer.Stem(b));
    }

    [Theory]
    [InlineData("there", "three")]
    [InlineData("can", "cantilever")]
    [InlineData("general", "generous")]
    public void Unrelated_short_words_keep_apart(string a, string b) =>
        Assert.NotEqual(EnglishStemmer.Stem(a), EnglishStemmer.Stem(b));
}
