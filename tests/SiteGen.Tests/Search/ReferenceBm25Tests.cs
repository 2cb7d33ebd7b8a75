using SiteGen.Search;

namespace SiteGen.Tests.Search;

/// <summary>
/// The index builder is fast and hard to read (packed logs, per-worker numbering, bounded heaps).
/// This is BM25 written the plain way, as the textbook and the builder's comments describe it;
/// on random sites the builder must keep exactly the postings, and scores, it keeps.
/// </summary>
public class ReferenceBm25Tests
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>Each term's best postings, the straightforward way: count, weigh, score, sort, cut.</summary>
    private static Dictionary<string, List<Posting>> ReferenceIndex(IReadOnlyList<SearchPage> pages)
    {
        var sections = new List<(int Page, int Section, Dictionary<string, int> Counts, int Length)>();
        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            var titleWords = SearchText.Words(page.Title).ToList();
            for (var s = 0; s < page.Sections.Count; s++)
            {
                var counts = new Dictionary<string, int>(StringComparer.Ordinal);
                int Add(string text, int weight)
                {
                    var words = SearchText.Words(text).ToList();
                    foreach (var word in words.Where(SearchText.IsIndexed))
                        counts[SearchText.Stem(word)] = counts.GetValueOrDefault(SearchText.Stem(word)) + weight;
                    return words.Count;
                }
                // The section's text, then the page title in every section (three times as much in
                // the first), the description in the first and the heading in the others.
                var length = Add(page.Sections[s].Text, 1) + titleWords.Count;
                if (s == 0)
                {
                    Add(page.Title, SearchIndexBuilder.TitleWeight);
                    length += Add(page.Description, SearchIndexBuilder.DescriptionWeight);
                }
                else
                {
                    length += Add(page.Sections[s].Heading, SearchIndexBuilder.HeadingWeight);
                    Add(page.Title, 1);
                }
                sections.Add((p, s, counts, Math.Max(1, length)));
            }
        }
        var average = sections.Count == 0 ? 1 : (double)sections.Sum(s => (long)s.Length) / sections.Count;
        var count = Math.Max(1, sections.Count);
        var frequency = sections.SelectMany(s => s.Counts.Keys).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
        var postings = new Dictionary<string, List<(Posting Posting, int Order)>>(StringComparer.Ordinal);
        for (var i = 0; i < sections.Count; i++)
        {
            var norm = K1 * (1 - B + B * sections[i].Length / average);
            foreach (var (term, tf) in sections[i].Counts)
            {
                var idf = Math.Log(1 + (count - frequency[term] + 0.5) / (frequency[term] + 0.5));
                var score = Math.Max(1, (int)Math.Round(idf * tf * (K1 + 1) / (tf + norm) * 100));
                if (!postings.TryGetValue(term, out var list)) postings[term] = list = [];
                list.Add((new Posting(sections[i].Page, sections[i].Section, score), i));
            }
        }
        return postings.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(x => x.Posting.Score).ThenBy(x => x.Order)
            .Take(SearchIndexBuilder.MaxPostingsPerTerm).Select(x => x.Posting).ToList(), StringComparer.Ordinal);
    }

    private static IReadOnlyList<SearchPage> RandomSite(int seed)
    {
        var random = new Random(seed);
        // A small vocabulary, so terms repeat across sections and some have more than 80 postings;
        // stop words, numbers and suffixed forms exercise what is indexed and how it is stemmed.
        string[] vocabulary = ["ketamine", "infusions", "infusion", "the", "and", "trial", "trials", "dissociation", "2023",
            "borderline", "personality", "disorder", "nmda", "receptor", "glutamate", "café", "naïve", "é", "x", "midazolam",
            "esketamine", "nasal", "spray", "suicidal", "ideation", "placebo", "randomised", "randomized", "studies", "study"];
        string Text(int words) => string.Join(' ', Enumerable.Range(0, words).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
        var pages = new List<SearchPage>();
        for (var p = 0; p < 40 + random.Next(80); p++)
        {
            var sections = Enumerable.Range(0, 1 + random.Next(5)).Select(s => new SearchSection(
                s == 0 ? "" : Text(1 + random.Next(4)), s == 0 ? "" : $"part-{s}",
                random.Next(30) == 0 ? string.Join(' ', Enumerable.Repeat("ketamine", 300)) : Text(random.Next(120)))).ToList();
            pages.Add(new SearchPage($"p{p}.html", Text(1 + random.Next(6)), random.Next(3) == 0 ? "" : Text(random.Next(20)), sections));
        }
        return pages;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void The_fast_index_keeps_the_postings_and_scores_of_plain_bm25_on_random_sites(int seed)
    {
        var pages = RandomSite(seed);
        foreach (var workers in new[] { 1, 3 })
        {
            var index = SearchIndexBuilder.Build(pages.Count, (p, body) => { body.Load(pages[p].Sections); return pages[p]; },
                int.MaxValue, new ParallelOptions { MaxDegreeOfParallelism = workers });
            // The sections as the index reads them (a first section with neither heading nor text is none).
            var expected = ReferenceIndex(index.Pages);
            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), index.Terms.Select(t => t.Stem));
            foreach (var term in index.Terms)
                Assert.True(expected[term.Stem].SequenceEqual(term.Postings), $"'{term.Stem}' with {workers} workers (seed {seed}): expected {string.Join(" ", expected[term.Stem].Take(6))} got {string.Join(" ", term.Postings.Take(6))}");
        }
    }
}
