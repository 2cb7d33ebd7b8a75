using System.Text;

namespace SiteGen.Citations;

/// <summary>
/// Turns the LaTeX found in BibTeX values into plain text: accents such as {\"u} or \'e become
/// ü and é, protective braces go, and escaped characters (\&amp;, \%) lose their backslash.
/// </summary>
public static class LatexText
{
    private static readonly Dictionary<char, char> CombiningAccents = new()
    {
        ['"'] = '\u0308', ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['~'] = '\u0303',
        ['='] = '\u0304', ['.'] = '\u0307', ['u'] = '\u0306', ['v'] = '\u030C', ['H'] = '\u030B',
        ['c'] = '\u0327', ['k'] = '\u0328', ['r'] = '\u030A',
    };

    private static readonly Dictionary<string, string> Symbols = new()
    {
        ["ss"] = "ß", ["o"] = "ø", ["O"] = "Ø", ["aa"] = "å", ["AA"] = "Å", ["ae"] = "æ", ["AE"] = "Æ",
        ["oe"] = "œ", ["OE"] = "Œ", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ",
    };

    public static string ToPlain(string value)
    {
        var text = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c is '{' or '}') continue;
            if (c == '~') { text.Append('\u00A0'); continue; }
            if (c != '\\' || i + 1 >= value.Length) { text.Append(c); continue; }

            var next = value[i + 1];
            // Symbol accents (\" \' \^ …) take the next letter; letter accents (\v \c \u …) only
            // when a brace or space follows, so \url or \cite are not mistaken for accents.
            if (CombiningAccents.TryGetValue(next, out var accent) &&
                (!char.IsLetter(next) || (i + 2 < value.Length && value[i + 2] is '{' or ' ')))
            {
                var j = i + 2;
                while (j < value.Length && value[j] is '{' or ' ') j++;
                if (j + 1 < value.Length && value[j] == '\\' && value[j + 1] is 'i' or 'j') j++; // \'{\i} is a dotless i
                if (j < value.Length)
                {
                    text.Append((value[j] + accent.ToString()).Normalize(NormalizationForm.FormC));
                    i = j;
                    continue;
                }
            }
            var command = new string(value.Skip(i + 1).TakeWhile(char.IsLetter).ToArray());
            if (command.Length > 0 && Symbols.TryGetValue(command, out var symbol))
            {
                text.Append(symbol);
                i += command.Length;
                while (i + 1 < value.Length && value[i + 1] == ' ') i++;
                continue;
            }
            if (command.Length > 0)
            {
                i += command.Length; // an unknown command such as \textit: keep its argument, drop the name
                continue;
            }
            text.Append(next); // \& \% \$ \_ \{ \}
            i++;
        }
        return CollapseSpaces(text.ToString());
    }

    private static string CollapseSpaces(string text) =>
        string.Join(' ', text.Split([' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries));
}
