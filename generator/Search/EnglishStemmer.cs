namespace SiteGen.Search;

/// <summary>
/// The Snowball English ("Porter2") stemmer, written from the algorithm's published description:
/// "infusions", "infusion" and "infused" share the stem "infus", while unrelated short words
/// ("there" and "three", "can" and "cantilever") keep apart. theme/assets/search.js holds the
/// same algorithm line for line, and the tests hold both to Snowball's reference vocabulary.
/// </summary>
public static class EnglishStemmer
{
    private static readonly Dictionary<string, string> Exceptions = new(StringComparer.Ordinal)
    {
        ["skis"] = "ski", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["idly"] = "idl", ["gently"] = "gentl", ["ugly"] = "ugli", ["early"] = "earli", ["only"] = "onli", ["singly"] = "singl",
        ["sky"] = "sky", ["news"] = "news", ["howe"] = "howe", ["atlas"] = "atlas", ["cosmos"] = "cosmos", ["bias"] = "bias", ["andes"] = "andes",
    };

    /// <summary>Words left as they are after step 1a.</summary>
    private static readonly HashSet<string> AfterStep1a = new(StringComparer.Ordinal)
        { "inning", "outing", "canning", "herring", "earring", "evening", "proceed", "exceed", "succeed" };

    /// <summary>Beginnings after which R1 starts, though the usual rule would put it elsewhere.</summary>
    private static readonly string[] R1Prefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"];

    private static readonly (string Suffix, string Replacement)[] Step2Rules =
    [
        ("ization", "ize"), ("ational", "ate"), ("fulness", "ful"), ("ousness", "ous"), ("iveness", "ive"),
        ("tional", "tion"), ("biliti", "ble"), ("lessli", "less"), ("entli", "ent"), ("ogist", "og"), ("ation", "ate"), ("alism", "al"),
        ("aliti", "al"), ("ousli", "ous"), ("iviti", "ive"), ("fulli", "ful"), ("enci", "ence"), ("anci", "ance"),
        ("abli", "able"), ("izer", "ize"), ("ator", "ate"), ("alli", "al"), ("bli", "ble"), ("ogi", "og"), ("li", ""),
    ];

    private static readonly (string Suffix, string Replacement)[] Step3Rules =
    [
        ("ational", "ate"), ("tional", "tion"), ("alize", "al"), ("icate", "ic"), ("iciti", "ic"), ("ative", ""),
        ("ical", "ic"), ("ness", ""), ("ful", ""),
    ];

    private static readonly string[] Step4Suffixes =
        ["ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion", "al", "er", "ic"];

    public static string Stem(string word)
    {
        if (word.Length <= 2) return word;
        if (word[0] == '\'') word = word[1..];
        if (Exceptions.TryGetValue(word, out var exception)) return exception;

        var w = word.ToCharArray().ToList();
        // y at the start or after a vowel is a consonant: marked Y until the end.
        for (var i = 0; i < w.Count; i++)
            if (w[i] == 'y' && (i == 0 || IsVowel(w[i - 1]))) w[i] = 'Y';
        var s = new string([.. w]);
        var (r1, r2) = Regions(s);

        // Step 0: apostrophes.
        foreach (var suffix in new[] { "'s'", "'s", "'" })
            if (s.EndsWith(suffix, StringComparison.Ordinal)) { s = s[..^suffix.Length]; break; }

        // Step 1a: plurals.
        if (s.EndsWith("sses", StringComparison.Ordinal)) s = s[..^2];
        else if (s.EndsWith("ied", StringComparison.Ordinal) || s.EndsWith("ies", StringComparison.Ordinal)) s = s.Length > 4 ? s[..^2] : s[..^1];
        else if (s.EndsWith("us", StringComparison.Ordinal) || s.EndsWith("ss", StringComparison.Ordinal)) { }
        else if (s.EndsWith('s') && s.Length >= 2 && HasVowel(s, 0, s.Length - 2)) s = s[..^1];

        if (AfterStep1a.Contains(s)) return s;

        // Step 1b: -eed, -ed, -ing.
        var step1b = new[] { "eedly", "ingly", "edly", "eed", "ing", "ed" }.FirstOrDefault(x => s.EndsWith(x, StringComparison.Ordinal));
        if (step1b is "eed" or "eedly")
        {
            if (s.Length - step1b.Length >= r1) s = s[..^step1b.Length] + "ee";
        }
        else if (step1b is not null && HasVowel(s, 0, s.Length - step1b.Length))
        {
            s = s[..^step1b.Length];
            if (step1b is "ing" or "ingly" && s.Length == 2 && !IsVowel(s[0]) && s[1] == 'y') s = s[..1] + "ie";  // vying, hying
            else if (s.EndsWith("at", StringComparison.Ordinal) || s.EndsWith("bl", StringComparison.Ordinal) || s.EndsWith("iz", StringComparison.Ordinal)) s += "e";
            else if (EndsWithDouble(s)) { if (!(s.Length == 3 && IsVowel(s[0]))) s = s[..^1]; }  // but add, ebb, err, off keep theirs
            else if (IsShort(s, r1) || s == "past") s += "e";  // pasted, pasting: paste (the reference's own exception)
        }

        // Step 1c: -y after a consonant that is not the first letter.
        if (s.Length > 2 && (s[^1] == 'y' || s[^1] == 'Y') && !IsVowel(s[^2])) s = s[..^1] + "i";

        // Step 2, in R1.
        foreach (var (suffix, replacement) in Step2Rules)
        {
            if (!s.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var start = s.Length - suffix.Length;
            if (start >= r1)
            {
                if (suffix == "ogi") { if (start > 0 && s[start - 1] == 'l') s = s[..start] + replacement; }
                else if (suffix == "li") { if (start > 0 && "cdeghkmnrt".Contains(s[start - 1])) s = s[..start]; }
                else s = s[..start] + replacement;
            }
            break;
        }

        // Step 3, in R1 (-ative in R2).
        foreach (var (suffix, replacement) in Step3Rules)
        {
            if (!s.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var start = s.Length - suffix.Length;
            if (start >= r1 && (suffix != "ative" || start >= r2)) s = s[..start] + replacement;
            break;
        }

        // Step 4, in R2.
        foreach (var suffix in Step4Suffixes)
        {
            if (!s.EndsWith(suffix, StringComparison.Ordinal)) continue;
            var start = s.Length - suffix.Length;
            if (start >= r2 && (suffix != "ion" || (start > 0 && s[start - 1] is 's' or 't'))) s = s[..start];
            break;
        }

        // Step 5: a final e or l.
        if (s.EndsWith('e'))
        {
            var start = s.Length - 1;
            if (s != "paste" && (start >= r2 || (start >= r1 && !EndsWithShortSyllable(s[..start])))) s = s[..start];
        }
        else if (s.EndsWith('l') && s.Length - 1 >= r2 && s.Length >= 2 && s[^2] == 'l') s = s[..^1];

        return s.Replace('Y', 'y');
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    private static bool HasVowel(string s, int from, int to)
    {
        for (var i = from; i < to; i++) if (IsVowel(s[i])) return true;
        return false;
    }

    /// <summary>R1: after the first non-vowel that follows a vowel (or after a listed prefix); R2: the same rule applied again inside R1.</summary>
    private static (int R1, int R2) Regions(string s)
    {
        var r1 = s.Length;
        var prefix = R1Prefixes.FirstOrDefault(p => s.StartsWith(p, StringComparison.Ordinal));
        if (prefix is not null) r1 = prefix.Length;
        else
            for (var i = 1; i < s.Length; i++)
                if (!IsVowel(s[i]) && IsVowel(s[i - 1])) { r1 = i + 1; break; }
        var r2 = s.Length;
        for (var i = r1 + 1; i < s.Length; i++)
            if (!IsVowel(s[i]) && IsVowel(s[i - 1])) { r2 = i + 1; break; }
        return (r1, r2);
    }

    private static bool EndsWithDouble(string s) =>
        s.Length >= 2 && s[^1] == s[^2] && s[^1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't';

    /// <summary>A vowel followed by a non-vowel other than w, x and Y after a non-vowel; or a vowel then a non-vowel at the start.</summary>
    private static bool EndsWithShortSyllable(string s)
    {
        if (s.Length == 2) return IsVowel(s[0]) && !IsVowel(s[1]);
        if (s.Length < 3) return false;
        var (a, b, c) = (s[^3], s[^2], s[^1]);
        return !IsVowel(a) && IsVowel(b) && !IsVowel(c) && c is not ('w' or 'x' or 'Y');
    }

    private static bool IsShort(string s, int r1) => r1 >= s.Length && EndsWithShortSyllable(s);
}
