using System.Globalization;
using System.Text;

namespace SiteGen.Engine;

/// <summary>
/// The theme's reader-facing strings (<see cref="ThemeStrings"/>) as the build uses them: a string
/// by key, with its {placeholders} filled in, and the forms that depend on a number or a date.
/// A key the strings lack shows as the key itself, so a gap is visible rather than silent.
/// </summary>
public sealed class Words(IReadOnlyDictionary<string, string> strings)
{
    /// <summary>No strings at all: every key shows as itself (a theme that failed to load, a model built alone in a test).</summary>
    public static readonly Words None = new(new Dictionary<string, string>());

    public IReadOnlyDictionary<string, string> Strings { get; } = strings;

    public string Text(string key) => Strings.GetValueOrDefault(key, key);

    /// <summary>The string with each {name} replaced by its value; a placeholder with no value stays as written.</summary>
    public string Format(string key, params (string Name, object Value)[] values)
    {
        var text = Text(key);
        var result = new StringBuilder(text.Length + 32);
        var at = 0;
        while (at < text.Length)
        {
            var open = text.IndexOf('{', at);
            var close = open < 0 ? -1 : text.IndexOf('}', open + 1);
            if (close < 0) { result.Append(text, at, text.Length - at); break; }
            result.Append(text, at, open - at);
            var name = text.AsSpan(open + 1, close - open - 1);
            var found = false;
            foreach (var (n, value) in values)
                if (name.SequenceEqual(n)) { result.Append(Convert.ToString(value, CultureInfo.InvariantCulture)); found = true; break; }
            if (!found) result.Append(text, open, close - open + 1);
            at = close + 1;
        }
        return result.ToString();
    }

    /// <summary>key_one for one, key_other for any other number, with {count} filled in (English-style plurals).</summary>
    public string Counted(string key, int count, params (string Name, object Value)[] values) =>
        Format(key + (count == 1 ? "_one" : "_other"), [("count", count), .. values]);

    /// <summary>A date as readers see it: 'date_format' with the month's name from 'month_1'..'month_12'.</summary>
    public string Date(DateOnly date) =>
        Format("date_format", ("day", date.Day), ("month", Text($"month_{date.Month}")), ("year", date.Year));

    /// <summary>"a, b and c", with the strings' separators.</summary>
    public string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => string.Join(Text("list_separator"), items.Take(items.Count - 1)) + Text("list_last_separator") + items[^1],
    };
}
