using System.Text.RegularExpressions;
using AngleSharp.Dom;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.Theme;

/// <summary>
/// A site in another language: every word the build shows readers comes from the theme's strings,
/// including the sentences it composes (the callout's evidence line, dates, "Cite this page", a
/// reference's web address, the sidebar's blocks and the search box's messages).
/// </summary>
public class TranslatedSiteTests
{
    private const string Citations = """
        [{"id":"a","title":"Qqq one","DOI":"10.1/a","note":"design: RCT\nn: 20"},
         {"id":"b","title":"Qqq two","DOI":"10.1/b","note":"design: pilot RCT"},
         {"id":"c","title":"Qqq three","URL":"https://example.org/qqq"}]
        """;

    private static readonly List<string> Keys = [.. EnglishWords.Theme.Strings.Keys.Order(StringComparer.Ordinal)];

    /// <summary>A string of the translation: its key's number in brackets, no word of any language.</summary>
    private static string T(string key) => $"[{Keys.IndexOf(key)}]";

    /// <summary>A translation in which each string is <see cref="T"/> followed by its placeholders.</summary>
    private static string Bracketed() => string.Concat(EnglishWords.Theme.Strings.Select(p =>
        $"{p.Key}: \"{T(p.Key)}{string.Concat(Regex.Matches(p.Value, @"\{\w+\}").Select(m => m.Value))}\"\n"));

    private static TempSite TranslatedSite()
    {
        var site = TempSite.WithPages(
            ("index.md", "---\ntitle: Zyx\nreviewed: 2026-03-04\n---\nQqq [@a] [@b] [@c].\n\n## Qqq\n\nQqq\n\n## Qqqq\n\nQqq\n"),
            ("zz/index.md", "---\ntitle: Zz\n---\nQqq\n"),
            ("zz/01-a.md", "---\ntitle: Za\n---\nQqq\n"),
            ("zz/02-b.md", "---\ntitle: Zb\n---\nQqq\n"),
            ("zz/03-c.md", "---\ntitle: Zc\n---\nQqq\n"));
        site.Write("site.yml", "title: Zed\nlanguage: xx\nsidebar_max_entries: 1\nbase_url: https://example.org/\n");
        site.Write("_partials/limitations.md", "Qqq.\n");
        site.Write("citations.json", Citations);
        site.WriteTheme("strings/xx.yml", Bracketed());
        return site;
    }

    [Fact]
    public void A_complete_translation_leaves_no_English_word_of_the_theme_on_any_page()
    {
        using var site = TranslatedSite();
        var result = site.Build(write: false);
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(result.Diagnostics, d => d.Message.Contains("string", StringComparison.Ordinal));

        // Every word of four letters or more that the English strings show readers.
        var english = EnglishWords.Theme.Strings.Values
            .SelectMany(v => Regex.Matches(Regex.Replace(v, @"\{\w+\}", ""), @"\p{L}{4,}").Select(m => m.Value.ToLowerInvariant()))
            .ToHashSet();
        var pages = result.Documents.Where(d => d.OutputPath.EndsWith(".html", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count >= 8, string.Join(", ", pages.Select(p => p.OutputPath)));
        foreach (var page in pages)
        {
            var dom = Dom.Parse(page.Content);
            Assert.Equal("xx", dom.DocumentElement.GetAttribute("lang"));
            var shown = ReaderFacingText(dom);
            var leaked = Regex.Matches(Regex.Replace(shown, @"\{\w+\}", ""), @"\p{L}{4,}").Select(m => m.Value.ToLowerInvariant()).Where(english.Contains).Distinct().ToList();
            Assert.True(leaked.Count == 0, $"{page.OutputPath} shows English words: {string.Join(", ", leaked)}");
        }
    }

    [Fact]
    public void The_sentences_the_build_composes_are_made_of_the_strings()
    {
        using var site = TranslatedSite();
        var result = site.Build(write: false);
        var home = Dom.Parse(result.Documents.Single(d => d.OutputPath == "index.html").Content);
        // Two trials of one design (a pilot RCT counts as a randomized trial), one of them with its n, then a source of unstated design.
        Assert.Equal($"{T("evidence_summary")}{T("design_randomized_trial_other")}2 {T("sample_size_some")}201{T("list_last_separator")}{T("design_unstated_one")}1",
            home.QuerySelector(".evidence-summary")!.TextContent.Trim());
        Assert.Equal($"{T("date_format")}4{T("month_3")}2026", home.QuerySelector(".page-meta time")!.TextContent);
        Assert.Equal($"{T("cite_text")}ZedZyx{T("date_format")}4{T("month_3")}2026https://example.org/", home.QuerySelector(".cite-text")!.TextContent);
        Assert.Contains($"{T("reference_available_from")}https://example.org/qqq", home.QuerySelector("#ref-c")!.TextContent);
        // The search box's messages travel in the index manifest, read only by those who search.
        var manifest = result.Documents.Single(d => d.OutputPath == "search/index.js").Text;
        using var json = System.Text.Json.JsonDocument.Parse(manifest[(manifest.IndexOf('(') + 1)..manifest.LastIndexOf(')')]);
        var messages = json.RootElement.GetProperty("words");
        Assert.Equal($"{T("search_did_you_mean")}{{word}}", messages.GetProperty("didYouMean").GetString());
        Assert.Equal($"{T("search_results_for_other")}{{count}}{{query}}", messages.GetProperty("resultsForOther").GetString());
        Assert.Equal($"{T("search_not_on_site")}{{word}}", messages.GetProperty("notOnSite").GetString());
        var section = Dom.Parse(result.Documents.Single(d => d.OutputPath == "zz/b.html").Content);
        var sidebarText = section.QuerySelector("nav")!.TextContent;
        Assert.Contains($"{T("sidebar_earlier")}113", sidebarText);
        Assert.Contains($"{T("sidebar_later")}333", sidebarText);
    }

    /// <summary>What a reader sees or hears: text outside scripts and styles, and the attributes read out or shown.</summary>
    private static string ReaderFacingText(IDocument dom)
    {
        var text = new System.Text.StringBuilder();
        foreach (var node in dom.Body!.Descendants().OfType<IText>())
            // Scripts and styles are not shown; the BibTeX entry (in pre) is data whose field names are BibTeX's.
            if (node.ParentElement?.LocalName is not ("script" or "style" or "pre" or "code")) text.Append(node.Data).Append(' ');
        text.Append(dom.Title).Append(' ');
        foreach (var element in dom.All)
            foreach (var attribute in element.Attributes)
                if (attribute.Name is "aria-label" or "placeholder" or "title" or "alt" || attribute.Name.StartsWith("data-", StringComparison.Ordinal))
                    text.Append(attribute.Value).Append(' ');
        return text.ToString();
    }
}
