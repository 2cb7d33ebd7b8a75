using System.Buffers;

namespace SiteGen.Markdown;

/// <summary>
/// Refuses Markdown whose link targets would take Markdig minutes to read. A target written as
/// "](" is read up to the next space or line end, brackets nested, and when it never closes the
/// reader starts again at the next "](": text such as "[a](" repeated 100,000 times (400 KB) took
/// over two minutes. The work is the sum, over every "](", of the characters up to the next white
/// space; a real page spends a few thousand, so the budget leaves room for any page that reads in
/// under a second.
/// </summary>
public static class LinkTargetBudget
{
    public const long Budget = 20_000_000;

    /// <summary>What ends a target: white space or a control character, as <see cref="char"/> classifies them.</summary>
    private static readonly SearchValues<char> TargetEnds = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(c => char.IsWhiteSpace(c) || char.IsControl(c)).ToArray());

    /// <summary>The index of the "](" that starts the longest unbroken target (the first of the longest), when the text is over budget; else null.</summary>
    public static int? OverBudget(string markdown)
    {
        // Every page is measured, so the text is searched for "](" and for white space with the
        // vectorized searches rather than classified a character at a time.
        var text = markdown.AsSpan();
        long work = 0;
        int worst = -1, worstLength = -1;
        var end = -1; // where the last target measured ends: the white space after it, or the text's end
        for (var at = text.IndexOf("]("); at >= 0;)
        {
            if (end <= at + 1)
            {
                var space = text[(at + 2)..].IndexOfAny(TargetEnds);
                end = space < 0 ? text.Length : at + 2 + space;
            }
            var length = end - at;
            work += length;
            if (length > worstLength) (worst, worstLength) = (at, length);
            var next = text[(at + 1)..].IndexOf("](");
            at = next < 0 ? -1 : at + 1 + next;
        }
        return work > Budget ? worst : null;
    }
}
