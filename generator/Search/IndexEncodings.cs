namespace SiteGen.Search;

/// <summary>
/// A (term, count) pair in a reader's log. Most terms and counts are small, so one number holds
/// both (term &lt;&lt; 8 | count), halving the log; a large term or count takes two numbers: the
/// term's complement (below 0, which marks the long form) and then the count.
/// </summary>
internal static class LogPair
{
    /// <summary>How many numbers the pair takes in the log.</summary>
    public static int Size(int term, int count) => term < 1 << 23 && count < 0xFF ? 1 : 2;

    /// <summary>Writes the pair at <paramref name="at"/>; returns where the next one goes.</summary>
    public static int Write(int[] log, int at, int term, int count)
    {
        if (Size(term, count) == 1)
        {
            log[at] = term << 8 | count;
            return at + 1;
        }
        log[at] = ~term;
        log[at + 1] = count;
        return at + 2;
    }

    /// <summary>Reads the pair at <paramref name="at"/>; returns where the next one starts.</summary>
    public static int Read(int[] log, int at, out int term, out int count)
    {
        var first = log[at];
        if (first >= 0)
        {
            term = first >> 8;
            count = first & 0xFF;
            return at + 1;
        }
        term = ~first;
        count = log[at + 1];
        return at + 2;
    }
}

/// <summary>
/// The head of one section in a reader's log: the section's length in words, then how many
/// numbers its pairs take; the pairs follow.
/// </summary>
internal static class SectionHeader
{
    public const int Size = 2;

    /// <summary>Writes the head of a section whose pairs were written after it, ending at <paramref name="end"/>.</summary>
    public static void Write(int[] log, int at, int length, int end)
    {
        log[at] = Math.Max(1, length);
        log[at + 1] = end - at - Size;
    }

    /// <summary>Reads the head at <paramref name="at"/>: the section's length and where its pairs lie.</summary>
    public static (int Length, int PairsStart, int PairsEnd) Read(int[] log, int at) =>
        (log[at], at + Size, at + Size + log[at + 1]);
}

/// <summary>
/// A scored posting as one sortable number: best score first, then the section's place in the
/// site, so sorting keys sorts postings, and what the bounded heaps keep does not depend on the
/// order the postings come in.
/// </summary>
internal static class PostingKey
{
    public static long Encode(int score, int section) => ((long)(int.MaxValue - score) << 32) | (uint)section;

    public static int Score(long key) => int.MaxValue - (int)(key >> 32);

    public static int Section(long key) => (int)(key & 0xFFFFFFFF);
}
