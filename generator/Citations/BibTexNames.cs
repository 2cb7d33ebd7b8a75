namespace SiteGen.Citations;

/// <summary>
/// Splits a BibTeX author field into names: "and" separates people (outside braces), a name
/// is "Last, First", "Last, Jr, First" or "First von Last", and a fully braced name such as
/// {World Health Organization} is an organisation.
/// </summary>
public static class BibTexNames
{
    public static IReadOnlyList<PersonName> Parse(string field)
    {
        var names = new List<PersonName>();
        field = string.Join(' ', field.Split([' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        foreach (var raw in SplitTopLevel(field, " and "))
        {
            var part = raw.Trim();
            if (part.Length == 0) continue;
            if (part.Equals("others", StringComparison.OrdinalIgnoreCase)) { names.Add(new PersonName(null, null, "et al.")); continue; }
            if (part.StartsWith('{') && part.EndsWith('}') && Balanced(part[1..^1]))
            {
                names.Add(new PersonName(null, null, LatexText.ToPlain(part[1..^1])));
                continue;
            }
            var commaParts = SplitTopLevel(part, ",").Select(p => p.Trim()).ToList();
            if (commaParts.Count >= 2)
            {
                var given = commaParts.Count == 3 ? $"{commaParts[2]}, {commaParts[1]}" : commaParts[1];
                names.Add(new PersonName(LatexText.ToPlain(commaParts[0]), Empty(LatexText.ToPlain(given))));
                continue;
            }
            var words = SplitTopLevel(part, " ").Where(w => w.Length > 0).ToList();
            if (words.Count == 1) { names.Add(new PersonName(LatexText.ToPlain(words[0]), null)); continue; }
            // "First von Last": the family name starts at the first lower-case word (von, van, de), else it is the last word.
            var familyStart = words.FindIndex(0, words.Count - 1, w => char.IsLower(LatexText.ToPlain(w).FirstOrDefault()));
            if (familyStart < 0) familyStart = words.Count - 1;
            names.Add(new PersonName(LatexText.ToPlain(string.Join(' ', words[familyStart..])),
                Empty(LatexText.ToPlain(string.Join(' ', words[..familyStart])))));
        }
        return names;
    }

    private static string? Empty(string value) => value.Length == 0 ? null : value;

    /// <summary>Splits on a separator (case-insensitively) only where no brace is open.</summary>
    private static List<string> SplitTopLevel(string text, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '{') depth++;
            else if (text[i] == '}') depth--;
            else if (depth == 0 && string.Compare(text, i, separator, 0, separator.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                parts.Add(text[start..i]);
                start = i + separator.Length;
                i = start - 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    private static bool Balanced(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '{') depth++;
            else if (c == '}' && --depth < 0) return false;
        }
        return depth == 0;
    }
}
