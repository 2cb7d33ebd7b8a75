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

    /// <summary>The index of the "](" that starts the longest unbroken target, when the text is over budget; else null.</summary>
    public static int? OverBudget(string markdown)
    {
        long work = 0;
        var nextSpace = markdown.Length;
        var worst = -1;
        var worstLength = -1;
        for (var i = markdown.Length - 2; i >= 0; i--)
        {
            var c = markdown[i + 1];
            if (char.IsWhiteSpace(c) || char.IsControl(c)) nextSpace = i + 1;
            if (markdown[i] != ']' || c != '(') continue;
            var length = nextSpace - i;
            work += length;
            if (length >= worstLength) (worst, worstLength) = (i, length);
        }
        return work > Budget ? worst : null;
    }
}
