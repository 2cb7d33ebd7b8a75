using System.Text;

namespace SiteGen.Search;

/// <summary>
/// Postings as a short string, a few characters each where JSON would take eleven: sorted by page
/// and section, each posting is three numbers (the page's distance from the previous posting's
/// page, the section, the score), each number in 5-bit groups, lowest first, one character per
/// group from a 64-character alphabet whose upper half marks "more groups follow".
/// theme/assets/search.js decodes it (decodePostings). The order within a term does not matter to
/// ranking, which looks at every posting it loads.
/// </summary>
public static class PostingCode
{
    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static string Encode(ReadOnlySpan<Posting> postings, StringBuilder code)
    {
        // Sorted as one number each (page, section, score in 32, 16 and 16 bits): no comparer to call.
        Span<long> keys = postings.Length <= 256 ? stackalloc long[postings.Length] : new long[postings.Length];
        for (var i = 0; i < postings.Length; i++)
            keys[i] = ((long)postings[i].Page << 32) | ((long)(ushort)postings[i].Section << 16) | (ushort)Math.Min(postings[i].Score, ushort.MaxValue);
        keys.Sort();
        code.Clear();
        var page = 0;
        foreach (var key in keys)
        {
            var p = (int)(key >> 32);
            Number(p - page, code);
            Number((int)((key >> 16) & 0xFFFF), code);
            Number((int)(key & 0xFFFF), code);
            page = p;
        }
        return code.ToString();
    }

    public static List<Posting> Decode(string code)
    {
        var postings = new List<Posting>();
        var (at, page) = (0, 0);
        while (at < code.Length)
        {
            page += Read(code, ref at);
            var section = Read(code, ref at);
            var score = Read(code, ref at);
            postings.Add(new Posting(page, section, score));
        }
        return postings;
    }

    internal static void Number(int value, StringBuilder code)
    {
        var v = (uint)value;
        while (v >= 32)
        {
            code.Append(Alphabet[(int)(v & 31) | 32]);
            v >>= 5;
        }
        code.Append(Alphabet[(int)v]);
    }

    internal static int Read(string code, ref int at)
    {
        var (value, shift) = (0, 0);
        while (true)
        {
            var digit = Alphabet.IndexOf(code[at++]);
            value |= (digit & 31) << shift;
            if (digit < 32) return value;
            shift += 5;
        }
    }
}
