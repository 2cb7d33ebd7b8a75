using System.Text;

namespace SiteGen.Search;

/// <summary>
/// A page's keywords as a short string, in <see cref="PostingCode"/>'s characters: the page's
/// best score, then for each keyword (by term number) its distance from the previous term number
/// and its score as a share of the best in 31 steps, one character. The browser needs how the
/// keywords compare, not their exact scores, and a page costs about 80 bytes.
/// theme/assets/search.js decodes it (keywordsOf).
/// </summary>
public static class KeywordCode
{
    public const int Steps = 31;

    public static string Encode(ReadOnlySpan<Keyword> keywords, StringBuilder code)
    {
        code.Clear();
        if (keywords.IsEmpty) return "";
        var best = 1;
        foreach (var k in keywords) best = Math.Max(best, k.Score);
        PostingCode.Number(best, code);
        var term = 0;
        foreach (var k in keywords)
        {
            PostingCode.Number(k.Term - term, code);
            PostingCode.Number(Step(k.Score, best), code);
            term = k.Term;
        }
        return code.ToString();
    }

    /// <summary>The keywords back, each score as its step of the best (what the browser reads).</summary>
    public static List<Keyword> Decode(string code)
    {
        var keywords = new List<Keyword>();
        if (code.Length == 0) return keywords;
        var at = 0;
        var best = PostingCode.Read(code, ref at);
        var term = 0;
        while (at < code.Length)
        {
            term += PostingCode.Read(code, ref at);
            var step = PostingCode.Read(code, ref at);
            keywords.Add(new Keyword(term, (int)Math.Round((double)best * step / Steps)));
        }
        return keywords;
    }

    /// <summary>A score as a step from 1 to <see cref="Steps"/> of the page's best.</summary>
    public static int Step(int score, int best) => Math.Clamp((int)Math.Round((double)Steps * score / best), 1, Steps);
}
