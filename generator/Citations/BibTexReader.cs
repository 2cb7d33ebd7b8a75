using System.Globalization;
using System.Text;
using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// Reads BibTeX: entries such as @article{key, field = {value}}, with values in braces, quotes
/// or bare numbers, @string macros joined with '#', LaTeX accents, and "and"-separated names.
/// A malformed entry is reported at its line and column and the rest of the file is still read.
/// </summary>
public sealed class BibTexReader
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["article"] = "article-journal", ["book"] = "book", ["incollection"] = "chapter", ["inbook"] = "chapter",
        ["inproceedings"] = "paper-conference", ["conference"] = "paper-conference", ["techreport"] = "report",
        ["report"] = "report", ["online"] = "webpage", ["misc"] = "document", ["phdthesis"] = "thesis",
        ["mastersthesis"] = "thesis", ["manual"] = "report", ["unpublished"] = "manuscript",
    };

    /// <summary>
    /// The longest value a field may have once @string macros are joined in: an abstract is a few
    /// thousand characters, while macros that repeat each other double at every step (300 bytes grow to gigabytes).
    /// </summary>
    public const int MaxFieldLength = 65_536;

    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private readonly string _text;
    private readonly string _file;
    private readonly Diagnostics _diagnostics;
    private readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase);
    private int _position;

    private BibTexReader(string text, string file, Diagnostics diagnostics)
    {
        _text = text;
        _file = file;
        _diagnostics = diagnostics;
        foreach (var (month, index) in Months.Select((m, i) => (m, i))) _macros[month] = (index + 1).ToString(CultureInfo.InvariantCulture);
    }

    public static List<Reference> Read(string text, string file, Diagnostics diagnostics) => new BibTexReader(text, file, diagnostics).ReadAll();

    private sealed class SyntaxError(int position, string message) : Exception(message)
    {
        public int Position { get; } = position;
    }

    private List<Reference> ReadAll()
    {
        var references = new List<Reference>();
        while ((_position = _text.IndexOf('@', _position)) >= 0)
        {
            var start = _position;
            try
            {
                if (ReadEntry() is { } reference) references.Add(reference);
            }
            catch (SyntaxError error)
            {
                var (line, column) = Where(error.Position);
                _diagnostics.Error(_file, line, column, error.Message);
                _position = NextEntryAfter(start);
            }
        }
        return references;
    }

    private Reference? ReadEntry()
    {
        var start = _position++;
        var type = ReadName();
        SkipSpace();
        if (_position >= _text.Length || _text[_position] is not ('{' or '('))
            throw new SyntaxError(_position, $"expected '{{' after '@{type}'.");
        var close = _text[_position] == '{' ? '}' : ')';
        _position++;
        switch (type.ToLowerInvariant())
        {
            case "comment":
            case "preamble":
                _position = NextEntryAfter(start);
                return null;
            case "string":
                var (macro, value) = ReadField();
                _macros[macro] = value;
                Expect(close);
                return null;
        }
        SkipSpace();
        var key = ReadUntil(',', close).Trim();
        if (key.Length == 0) throw new SyntaxError(_position, $"the @{type} entry has no citation key; write it as @{type}{{key, ...}}.");
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipSpace();
            if (_position >= _text.Length) throw new SyntaxError(start, $"entry '{key}' is never closed; add '{close}' at its end.");
            if (_text[_position] == close) { _position++; break; }
            if (_text[_position] == '@' && _text[_position - 1] == '\n')
                throw new SyntaxError(start, $"entry '{key}' is never closed; add '{close}' at its end.");
            if (_text[_position] == ',') { _position++; continue; }
            var (name, value) = ReadField();
            fields[name] = value;
        }
        return ToReference(key, type, fields, Where(start).Line);
    }

    private (string Name, string Value) ReadField()
    {
        SkipSpace();
        var name = ReadName();
        if (name.Length == 0) throw new SyntaxError(_position, "expected a field name such as 'title'.");
        SkipSpace();
        Expect('=');
        var value = new StringBuilder();
        while (true)
        {
            SkipSpace();
            var start = _position;
            value.Append(ReadValue(name));
            if (value.Length > MaxFieldLength)
                throw new SyntaxError(start, $"the value of '{name}' grows past {MaxFieldLength:N0} characters (through @string macros joined with '#'?); shorten it.");
            SkipSpace();
            if (_position < _text.Length && _text[_position] == '#') { _position++; continue; }
            break;
        }
        return (name.ToLowerInvariant(), value.ToString());
    }

    private string ReadValue(string field)
    {
        if (_position >= _text.Length) throw new SyntaxError(_position, $"field '{field}' has no value.");
        var c = _text[_position];
        if (c == '{') return ReadBraced(field);
        if (c == '"')
        {
            var start = _position++;
            var depth = 0;
            var value = new StringBuilder();
            while (_position < _text.Length && !(_text[_position] == '"' && depth == 0))
            {
                if (_text[_position] == '{') depth++;
                if (_text[_position] == '}') depth--;
                value.Append(_text[_position++]);
            }
            if (_position >= _text.Length) throw new SyntaxError(start, $"the quoted value of '{field}' is never closed.");
            _position++;
            return value.ToString();
        }
        var word = ReadName();
        if (word.Length == 0) throw new SyntaxError(_position, $"field '{field}' has no value; write it as {field} = {{...}}.");
        if (word.All(char.IsDigit)) return word;
        return _macros.TryGetValue(word, out var macro) ? macro : throw new SyntaxError(_position - word.Length, $"unknown @string macro '{word}'.");
    }

    private string ReadBraced(string field)
    {
        var start = _position++;
        var depth = 1;
        var value = new StringBuilder();
        while (_position < _text.Length)
        {
            var c = _text[_position++];
            if (c == '\n' && _position < _text.Length && _text[_position] == '@')
                break; // ran into the next entry: this brace was never closed
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return value.ToString();
            value.Append(c);
        }
        throw new SyntaxError(start, $"the value of '{field}' opens a brace that is never closed.");
    }

    private Reference ToReference(string key, string type, Dictionary<string, string> fields, int line)
    {
        string? Field(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? LatexText.ToPlain(v) : null;
        int? Integer(string? value) => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
        var note = fields.TryGetValue("note", out var rawNote) ? string.Join('\n', rawNote.Split('\n').Select(LatexText.ToPlain)) : null;
        var evidence = EvidenceNote.Parse(note);
        var month = Field("month");
        return new Reference
        {
            Id = key,
            Type = Types.GetValueOrDefault(type, "article-journal"),
            Title = Field("title") ?? "",
            Authors = fields.TryGetValue("author", out var authors) ? BibTexNames.Parse(authors) : [],
            ContainerTitle = Field("journal") ?? Field("journaltitle") ?? Field("booktitle"),
            Volume = Field("volume"),
            Issue = Field("number") ?? Field("issue"),
            Page = Field("pages")?.Replace("--", "-").Replace("–", "-"),
            Year = Integer(Field("year")) ?? Integer(Field("date")?[..Math.Min(4, Field("date")!.Length)]),
            Month = Integer(month) ?? MonthNumber(month),
            Doi = Field("doi"),
            Pmid = Field("pmid") ?? evidence.Pmid,
            Pmcid = Field("pmcid"),
            Url = Field("url"),
            Publisher = Field("publisher") ?? Field("institution") ?? Field("organization"),
            PublisherPlace = Field("address") ?? Field("location"),
            Note = note,
            Evidence = evidence,
            SourceFile = _file,
            SourceLine = line,
        };
    }

    /// <summary>"June", "jun" or "Jun." as a month number.</summary>
    private static int? MonthNumber(string? month)
    {
        if (month is null || month.Length < 3) return null;
        var index = Array.IndexOf(Months, month[..3].ToLowerInvariant());
        return index < 0 ? null : index + 1;
    }

    private string ReadName()
    {
        var start = _position;
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '-' or ':' or '.' or '+' or '/'))
            _position++;
        return _text[start.._position];
    }

    private string ReadUntil(char a, char b)
    {
        var start = _position;
        while (_position < _text.Length && _text[_position] != a && _text[_position] != b && _text[_position] != '\n') _position++;
        return _text[start.._position];
    }

    private void Expect(char c)
    {
        SkipSpace();
        if (_position >= _text.Length || _text[_position] != c) throw new SyntaxError(_position, $"expected '{c}'.");
        _position++;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position])) _position++;
    }

    /// <summary>Where to resume after a broken entry: the next '@' that starts a line.</summary>
    private int NextEntryAfter(int start)
    {
        var next = _text.IndexOf("\n@", start + 1, StringComparison.Ordinal);
        return next < 0 ? _text.Length : next + 1;
    }

    private (int Line, int Column) Where(int position)
    {
        position = Math.Min(position, _text.Length);
        var line = 1 + _text.AsSpan(0, position).Count('\n');
        var lineStart = _text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        return (line, position - lineStart + 1);
    }
}
