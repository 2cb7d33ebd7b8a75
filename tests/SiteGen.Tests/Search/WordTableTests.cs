using SiteGen.Search;

namespace SiteGen.Tests.Search;

public class WordTableTests
{
    [Fact]
    public void Finds_every_word_it_was_given_across_growth_and_hash_collisions()
    {
        var table = new WordTable();
        // 50,000 words, far past the first capacity; every tenth shares its hash with the one before,
        // so equal hashes must still tell words apart. Short words are compared as packed numbers,
        // long words and words beyond U+00FF as text: all three kinds are mixed.
        var words = Enumerable.Range(0, 50_000).Select(i => (i % 3) switch { 0 => "w" + i, 1 => "longerword" + i, _ => "κ" + i }).ToArray();
        int HashOf(int i) => i % 10 == 1 ? (i - 1) * 31 : i * 31;
        for (var i = 0; i < words.Length; i++)
        {
            Assert.Equal(-1, table.Find(words[i], HashOf(i)));
            Assert.Equal(i, table.Add(words[i], HashOf(i), term: i % 7 == 0 ? -1 : i));
        }
        for (var i = 0; i < words.Length; i++)
        {
            var entry = table.Find(words[i], HashOf(i));
            Assert.Equal(i, entry);
            Assert.Equal(words[i], table.Word(entry));
            Assert.Equal(i % 7 == 0 ? -1 : i, table.Term(entry));
        }
        table.Entry(5).Occurrences++;
        table.Entry(5).Occurrences++;
        Assert.Equal(2, table.Occurrences(5));
        // Absent words that share a present word's hash, of each kind: packed, long, beyond U+00FF.
        Assert.Equal(-1, table.Find("absent", HashOf(3)));
        Assert.Equal(-1, table.Find("longerword4x", HashOf(4)));
        Assert.Equal(-1, table.Find("κ5x", HashOf(5)));
    }

    [Fact]
    public void The_reader_gives_equal_words_equal_hashes()
    {
        var words = new FoldedWords("Ketamine KETAMINE kétamine ketamines");
        var hashes = new List<int>();
        while (words.Next()) hashes.Add(words.Hash);
        Assert.Equal(hashes[0], hashes[1]);
        Assert.Equal(hashes[0], hashes[2]);
        Assert.NotEqual(hashes[0], hashes[3]);
    }
}
