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
        WordKey KeyOf(int i) => WordKey.Of(words[i]) with { Hash = i % 10 == 1 ? (i - 1) * 31 : i * 31 };
        for (var i = 0; i < words.Length; i++)
        {
            Assert.Equal(-1, table.Find(words[i], KeyOf(i)));
            var added = table.Add(words[i], KeyOf(i), term: i % 7 == 0 ? -1 : i);
            table.Entry(added).Occurrences = i;
            Assert.Equal(added, table.Find(words[i], KeyOf(i)));
        }
        // Growing moved the words to other slots, with what was counted of them.
        for (var i = 0; i < words.Length; i++)
        {
            var slot = table.Find(words[i], KeyOf(i));
            Assert.Equal(words[i], table.Word(slot));
            Assert.Equal((i % 7 == 0 ? -1 : i, i), (table.Entry(slot).Term, table.Entry(slot).Occurrences));
        }
        Assert.Equal(words.Order(), Enumerable.Range(0, table.Slots).Where(table.Holds).Select(table.Word).Order());
        // Absent words that share a present word's hash, of each kind: packed, long, beyond U+00FF.
        Assert.Equal(-1, table.Find("absent", WordKey.Of("absent") with { Hash = KeyOf(3).Hash }));
        Assert.Equal(-1, table.Find("longerword4x", WordKey.Of("longerword4x") with { Hash = KeyOf(4).Hash }));
        Assert.Equal(-1, table.Find("κ5x", WordKey.Of("κ5x") with { Hash = KeyOf(5).Hash }));
    }

    [Fact]
    public void The_reader_gives_each_word_the_key_worked_out_a_character_at_a_time()
    {
        // The reader packs and hashes a word 8 characters at a time; the table must get the same
        // key as the plain definition, for words of up to 8 characters below U+0100 (packed) and others.
        var words = new FoldedWords("Ketamine KETAMINE kétamine ketamines ab abcdefgh abcdefghi Straße ÆON κέταμίνη x1 2024 a");
        var read = new List<(string Word, WordKey Key)>();
        while (words.Next()) read.Add((words.Word.ToString(), words.Key));
        Assert.Equal(["ketamine", "ketamine", "ketamine", "ketamines", "ab", "abcdefgh", "abcdefghi", "straße", "æon", "κεταμινη", "x1", "2024", "a"], read.Select(r => r.Word));
        Assert.All(read, r => Assert.Equal(WordKey.Of(r.Word), r.Key));
        Assert.Equal(read[0].Key, read[2].Key);
        Assert.NotEqual(read[0].Key, read[3].Key);
        Assert.Equal(0x6867666564636261UL, read[5].Key.Packed);   // "abcdefgh", a byte a character
        Assert.Equal([0UL, 0UL], new[] { read[6].Key.Packed, read[9].Key.Packed }); // too long; beyond U+00FF
    }
}
