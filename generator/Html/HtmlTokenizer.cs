using System.Net;
using System.Runtime.CompilerServices;

namespace SiteGen.Html;

public enum HtmlTokenKind { Text, StartTag, EndTag, Other }

/// <summary>
/// A forward-only reader of HTML tokens (text, start tags, end tags) that allocates nothing. The
/// checks and the search indexer read every built page, and a full DOM per page cost more than
/// the rest of a 10,000-page build; they only need tags, attributes and text in document order.
/// It follows the HTML tokenizer's rules for comments, quoting and raw-text elements (script,
/// style, title, textarea), but builds no tree: callers that need nesting count their own tags.
/// Its answers are tested against AngleSharp's on the real site.
/// </summary>
public ref struct HtmlTokenizer(ReadOnlySpan<char> html)
{
    private readonly ReadOnlySpan<char> _html = html;
    private int _position;
    private ReadOnlySpan<char> _attributes;
    private ReadOnlySpan<char> _rawTextEnd;

    public HtmlTokenKind Kind { get; private set; }

    /// <summary>Where the token starts in the input, so callers can tell which came first.</summary>
    public int Start { get; private set; }

    /// <summary>Where the token ends in the input (just after a tag's '>').</summary>
    public readonly int End => _position;

    /// <summary>The tag name as written; compare it with <see cref="Is"/>.</summary>
    public ReadOnlySpan<char> Name { get; private set; }

    /// <summary>The text as written, entities not yet decoded (see <see cref="Decode"/>).</summary>
    public ReadOnlySpan<char> Text { get; private set; }

    /// <summary>Whether the tag is <paramref name="name"/>, in any case; names of another length are told apart without a call.</summary>
    public bool Is(string name) => Name.Length == name.Length && Name.Equals(name, StringComparison.OrdinalIgnoreCase);

    /// <summary>Which of <paramref name="names"/> the current tag is (as given there), or null.</summary>
    public string? NameIn(string[] names)
    {
        foreach (var name in names)
            if (Is(name)) return name;
        return null;
    }

    public bool Read()
    {
        if (_rawTextEnd.Length > 0) return ReadRawText();
        if (_position >= _html.Length) return false;
        Start = _position;
        var rest = _html[_position..];
        if (rest[0] != '<' || rest.Length < 2)
            return ReadText(rest);
        var next = rest[1];
        if (char.IsAsciiLetter(next)) return ReadStartTag(rest);
        if (next == '/' && rest.Length > 2 && char.IsAsciiLetter(rest[2])) return ReadEndTag(rest);
        if (rest.StartsWith("<!--")) return Skip(rest, "-->", 4);
        if (next is '!' or '?' or '/') return Skip(rest, ">", 2);
        return ReadText(rest);
    }

    /// <summary>The value of an attribute of the current start tag, entities decoded; null when absent.</summary>
    public readonly string? Attribute(string name) =>
        RawAttribute(name, out var raw) ? Decode(raw) : null;

    public readonly bool HasAttribute(string name) => RawAttribute(name, out _);

    /// <summary>Whether a class attribute of the current start tag holds any of the class names.</summary>
    public readonly bool HasAnyClass(ReadOnlySpan<string> classNames)
    {
        if (!RawAttribute("class", out var value)) return false;
        foreach (var className in classNames)
            if (ListsClass(value, className)) return true;
        return false;
    }

    /// <summary>Whether a class attribute's value, as written, lists the class name among its space-separated names.</summary>
    public static bool ListsClass(ReadOnlySpan<char> classes, string className)
    {
        if (!classes.Contains(className, StringComparison.Ordinal)) return false;
        foreach (var range in classes.SplitAny(" \t\n\r\f"))
            if (classes[range].Equals(className, StringComparison.Ordinal)) return true;
        return false;
    }

    public static string Decode(ReadOnlySpan<char> raw) =>
        raw.Contains('&') ? WebUtility.HtmlDecode(raw.ToString()) : raw.ToString();

    private bool ReadText(ReadOnlySpan<char> rest)
    {
        // A '<' that starts no tag is text, so look for the next one after the first character.
        var end = rest[1..].IndexOf('<');
        var length = end < 0 ? rest.Length : end + 1;
        Kind = HtmlTokenKind.Text;
        Text = rest[..length];
        _position += length;
        return true;
    }

    private bool ReadStartTag(ReadOnlySpan<char> rest)
    {
        var nameLength = NameLength(rest[1..]);
        Name = rest.Slice(1, nameLength);
        var i = 1 + nameLength;
        var attributesStart = i;
        // Find the closing '>' outside quoted attribute values.
        while (i < rest.Length && rest[i] != '>')
        {
            if (rest[i] == '=')
            {
                i++;
                while (i < rest.Length && char.IsWhiteSpace(rest[i])) i++;
                if (i < rest.Length && rest[i] is '"' or '\'')
                {
                    var close = rest[(i + 1)..].IndexOf(rest[i]);
                    i = close < 0 ? rest.Length : i + close + 2;
                    continue;
                }
            }
            i++;
        }
        _attributes = rest[attributesStart..Math.Min(i, rest.Length)];
        Kind = HtmlTokenKind.StartTag;
        _position += Math.Min(i + 1, rest.Length);
        if (Is("script") || Is("style") || Is("title") || Is("textarea") || Is("xmp") || Is("iframe") || Is("noembed") || Is("noframes"))
            _rawTextEnd = Name;
        return true;
    }

    private bool ReadEndTag(ReadOnlySpan<char> rest)
    {
        var nameLength = NameLength(rest[2..]);
        Name = rest.Slice(2, nameLength);
        var close = rest.IndexOf('>');
        Kind = HtmlTokenKind.EndTag;
        _attributes = default;
        _position += close < 0 ? rest.Length : close + 1;
        return true;
    }

    /// <summary>The content of script, style, title and the like runs to its own end tag, whatever it holds.</summary>
    private bool ReadRawText()
    {
        var name = _rawTextEnd;
        _rawTextEnd = default;
        Start = _position;
        var rest = _html[_position..];
        var end = 0;
        while (true)
        {
            var found = rest[end..].IndexOf("</", StringComparison.Ordinal);
            if (found < 0) { end = rest.Length; break; }
            end += found;
            var after = rest[(end + 2)..];
            if (after.Length >= name.Length && after[..name.Length].Equals(name, StringComparison.OrdinalIgnoreCase) &&
                (after.Length == name.Length || after[name.Length] is '>' or '/' or ' ' or '\t' or '\n' or '\r' or '\f'))
                break;
            end += 2;
        }
        if (end == 0) return Read();
        Kind = HtmlTokenKind.Text;
        Text = rest[..end];
        _position += end;
        return true;
    }

    private bool Skip(ReadOnlySpan<char> rest, string terminator, int from)
    {
        var end = rest[from..].IndexOf(terminator, StringComparison.Ordinal);
        Kind = HtmlTokenKind.Other;
        _position += end < 0 ? rest.Length : from + end + terminator.Length;
        return true;
    }

    private static int NameLength(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '/' && text[i] != '>') i++;
        return i;
    }

    private readonly bool RawAttribute(string name, out ReadOnlySpan<char> value)
    {
        // The first of two attributes with one name wins, as in the HTML parser.
        var attributes = Attributes;
        while (attributes.Read(out var attributeName, out value))
            if (attributeName.Equals(name, StringComparison.OrdinalIgnoreCase)) return true;
        value = default;
        return false;
    }

    /// <summary>The current start tag's attributes in the order written, for callers that want several of them in one reading.</summary>
    public readonly AttributeReader Attributes => new(_attributes);
}

/// <summary>
/// Reads a start tag's attributes one at a time: each name as written and its value with quotes
/// removed and entities not yet decoded (see <see cref="HtmlTokenizer.Decode"/>); a name without
/// a value has an empty one. The name and value are handed out rather than kept in the reader,
/// which stays small enough for the compiler to hold in registers.
/// </summary>
public ref struct AttributeReader(ReadOnlySpan<char> attributes)
{
    private readonly ReadOnlySpan<char> _text = attributes;
    private int _position;

    public bool Read(out ReadOnlySpan<char> name, out ReadOnlySpan<char> value)
    {
        var rest = _text;
        var i = _position;
        while (i < rest.Length)
        {
            while (i < rest.Length && (char.IsWhiteSpace(rest[i]) || rest[i] == '/')) i++;
            var nameStart = i;
            // An attribute name runs to whitespace, '/', '>' or '=' (a leading '=' belongs to the name).
            if (i < rest.Length && rest[i] == '=') i++;
            while (i < rest.Length && !char.IsWhiteSpace(rest[i]) && rest[i] is not '/' and not '=' and not '>') i++;
            name = rest[nameStart..i];
            while (i < rest.Length && char.IsWhiteSpace(rest[i])) i++;
            value = default;
            if (i < rest.Length && rest[i] == '=')
            {
                i++;
                while (i < rest.Length && char.IsWhiteSpace(rest[i])) i++;
                if (i < rest.Length && rest[i] is '"' or '\'')
                {
                    var quote = rest[i];
                    var close = rest[(i + 1)..].IndexOf(quote);
                    var end = close < 0 ? rest.Length : i + 1 + close;
                    value = rest[(i + 1)..end];
                    i = Math.Min(end + 1, rest.Length);
                }
                else
                {
                    var start = i;
                    while (i < rest.Length && !char.IsWhiteSpace(rest[i]) && rest[i] != '>') i++;
                    value = rest[start..i];
                }
            }
            if (i == nameStart) i++;
            if (name.Length > 0)
            {
                _position = i;
                return true;
            }
        }
        _position = rest.Length;
        name = value = default;
        return false;
    }
}
