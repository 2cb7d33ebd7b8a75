using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Syntax;

namespace SiteGen.Citations.Syntax;

/// <summary>
/// Parses Pandoc citation syntax as Markdown inlines (never by regex over HTML):
/// "[@key]", "[@a; @b]", "[@key, p. 33]", "[see @key]" and the narrative "@key". Code spans and
/// code blocks never reach inline parsers, and an '@' preceded by a letter or digit (an e-mail
/// address) is not a citation.
/// </summary>
public sealed class CitationInlineParser : InlineParser
{
    public CitationInlineParser() => OpeningCharacters = ['[', '@'];

    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        return slice.CurrentChar == '[' ? MatchBracketed(processor, ref slice) : MatchNarrative(processor, ref slice);
    }

    private static bool MatchBracketed(InlineProcessor processor, ref StringSlice slice)
    {
        var text = slice.Text;
        var start = slice.Start;
        var close = -1;
        for (var i = start + 1; i <= slice.End; i++)
        {
            if (text[i] == '[') return false;
            if (text[i] == ']') { close = i; break; }
        }
        if (close < 0) return false;
        // "[@key](url)" and "[@key][ref]" are links, not citations.
        if (close + 1 <= slice.End && text[close + 1] is '(' or '[') return false;

        var items = new List<CitationItem>();
        foreach (var part in text[(start + 1)..close].Split(';'))
        {
            var at = FindKeyStart(part);
            if (at < 0) return false;
            var keyLength = KeyLength(part, at + 1);
            if (keyLength == 0) return false;
            var prefix = part[..at].TrimEnd('-').Trim();
            var locator = part[(at + 1 + keyLength)..].Trim().TrimStart(',').Trim();
            items.Add(new CitationItem(part.Substring(at + 1, keyLength), prefix, locator));
        }
        if (items.Count == 0) return false;
        Emit(processor, ref slice, start, close, items, isNarrative: false);
        return true;
    }

    private static bool MatchNarrative(InlineProcessor processor, ref StringSlice slice)
    {
        var previous = slice.PeekCharExtra(-1);
        if (char.IsLetterOrDigit(previous) || previous is '_' or '.' or '-' or '+' or '@') return false;
        var text = slice.Text;
        var keyLength = KeyLength(text, slice.Start + 1, slice.End + 1);
        if (keyLength == 0) return false;
        var end = slice.Start + keyLength;
        Emit(processor, ref slice, slice.Start, end, [new CitationItem(text.Substring(slice.Start + 1, keyLength), "", "")], isNarrative: true);
        return true;
    }

    private static void Emit(InlineProcessor processor, ref StringSlice slice, int start, int end, List<CitationItem> items, bool isNarrative)
    {
        var position = processor.GetSourcePosition(start, out var line, out var column);
        processor.Inline = new CitationInline
        {
            Items = items,
            IsNarrative = isNarrative,
            Source = slice.Text[start..(end + 1)],
            Span = new SourceSpan(position, position + end - start),
            Line = line,
            Column = column,
        };
        slice.Start = end + 1;
    }

    /// <summary>Index of the '@' that starts a key in a bracketed item, or -1.</summary>
    private static int FindKeyStart(string part)
    {
        for (var i = 0; i < part.Length; i++)
        {
            if (part[i] != '@') continue;
            if (i > 0 && char.IsLetterOrDigit(part[i - 1])) continue; // an e-mail address
            return i;
        }
        return -1;
    }

    /// <summary>
    /// Length of a citation key starting at <paramref name="start"/>: letters, digits and '_', with
    /// internal punctuation (:.#$%&amp;-+?&lt;&gt;~/) allowed only when a key character follows, so
    /// "@fineberg2023." does not swallow the full stop.
    /// </summary>
    private static int KeyLength(string text, int start, int end = -1)
    {
        if (end < 0) end = text.Length;
        var i = start;
        if (i >= end || !(char.IsLetterOrDigit(text[i]) || text[i] == '_')) return 0;
        while (i < end)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || c == '_') { i++; continue; }
            if (":.#$%&-+?<>~/".Contains(c) && i + 1 < end && (char.IsLetterOrDigit(text[i + 1]) || text[i + 1] == '_')) { i++; continue; }
            break;
        }
        return i - start;
    }
}
