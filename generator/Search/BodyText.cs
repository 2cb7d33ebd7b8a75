using System.Buffers;
using System.Runtime.CompilerServices;

namespace SiteGen.Search;

/// <summary>One section of a <see cref="BodyText"/>: its heading, anchor, and where its text lies in the buffer.</summary>
public readonly record struct SectionRange(string Heading, string Anchor, int Start, int Length);

/// <summary>
/// A page body's visible text, section by section, in one buffer that a worker reuses page after
/// page: the indexer reads words straight from it, and only the part of each section kept for
/// snippets becomes a string. Runs of spaces, line breaks and no-break spaces are collapsed to one
/// space as the text is appended, and no section starts or ends with a space.
/// </summary>
public sealed class BodyText
{
    private static readonly SearchValues<char> OtherWhitespace = SearchValues.Create("\n\t\r\u00A0");

    private char[] _chars = new char[16 * 1024];
    private int _length;
    private int _sectionStart;
    private bool _space;

    public List<SectionRange> Sections { get; } = [];

    public ReadOnlySpan<char> TextOf(SectionRange section) => _chars.AsSpan(section.Start, section.Length);

    public void Clear()
    {
        (_length, _sectionStart, _space) = (0, 0, false);
        Sections.Clear();
    }

    public void Append(ReadOnlySpan<char> text)
    {
        if (_length + text.Length + 1 > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + text.Length + 1));
        // Most text holds single spaces only: it is copied in one go, with a space at either end
        // handled as a separation. Other whitespace is collapsed character by character.
        if (text.IndexOfAny(OtherWhitespace) < 0 && !text.Contains("  ", StringComparison.Ordinal))
        {
            if (text.StartsWith(' '))
            {
                _space = _length > _sectionStart;
                text = text[1..];
            }
            var spaceAfter = text.EndsWith(' ');
            if (spaceAfter) text = text[..^1];
            if (text.IsEmpty) return;
            if (_space) _chars[_length++] = ' ';
            text.CopyTo(_chars.AsSpan(_length));
            (_length, _space) = (_length + text.Length, spaceAfter);
            return;
        }
        foreach (var c in text)
        {
            if (c is ' ' or '\n' or '\t' or '\r' or '\u00A0')
            {
                _space = _length > _sectionStart;
                continue;
            }
            if (_space) _chars[_length++] = ' ';
            _space = false;
            _chars[_length++] = c;
        }
    }

    /// <summary>A separation between blocks: a space unless the section is empty so far.</summary>
    public void Separate() => _space = _length > _sectionStart;

    /// <summary>The text appended since the last section ended, as a string, taken out of the buffer (a heading's text).</summary>
    public string TakeText()
    {
        var text = new string(_chars, _sectionStart, _length - _sectionStart);
        (_length, _space) = (_sectionStart, false);
        return text;
    }

    /// <summary>Ends the current section; it is kept when it has text or an anchor to link to.</summary>
    public void EndSection(string heading, string anchor)
    {
        var length = _length - _sectionStart;
        if (length > 0 || anchor.Length > 0) Sections.Add(new SectionRange(heading, anchor, _sectionStart, length));
        (_sectionStart, _space) = (_length, false);
    }

    /// <summary>Fills the buffer from sections whose text is already plain (tests, pages made in code).</summary>
    public void Load(IEnumerable<SearchSection> sections)
    {
        Clear();
        foreach (var section in sections)
        {
            Append(section.Text);
            EndSection(section.Heading, section.Anchor);
        }
    }

    /// <summary>The sections as records, each text cut to <paramref name="storedText"/> characters (with "…").</summary>
    public IReadOnlyList<SearchSection> ToSections(int storedText = int.MaxValue)
    {
        var sections = new SearchSection[Sections.Count];
        for (var i = 0; i < sections.Length; i++)
        {
            var s = Sections[i];
            var text = TextOf(s);
            sections[i] = new SearchSection(s.Heading, s.Anchor, s.Length <= storedText ? text.ToString() : string.Concat(text[..storedText], "…"));
        }
        return sections;
    }
}
