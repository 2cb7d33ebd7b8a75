using System.Globalization;
using System.Text;

namespace SiteGen.Medical;

/// <summary>
/// How to cite a page of the site, in text and in BibTeX. It uses the review date rather than the
/// build date, so the output stays the same from build to build.
/// </summary>
public static class CitePage
{
    /// <summary>The text citation, in the theme's words (cite_text, or cite_text_undated for a page never reviewed).</summary>
    public static string Text(Words words, string siteTitle, string pageTitle, DateOnly? reviewed, string url) => reviewed is { } date
        ? words.Format("cite_text", ("site", siteTitle), ("title", pageTitle), ("date", words.Date(date)), ("url", url))
        : words.Format("cite_text_undated", ("site", siteTitle), ("title", pageTitle), ("url", url));

    public static string BibTex(Words words, string siteTitle, string pageTitle, DateOnly? reviewed, string url, string outputPath)
    {
        var key = new StringBuilder("sitegen-");
        foreach (var c in Path.GetFileNameWithoutExtension(outputPath).ToLowerInvariant())
            key.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        if (reviewed is { } year) key.Append('-').Append(year.Year);
        var entry = new StringBuilder($"@misc{{{key},\n");
        entry.Append($"  title = {{{Braced(pageTitle)}}},\n");
        entry.Append($"  author = {{{{{Braced(siteTitle)}}}}},\n");
        if (reviewed is { } date)
        {
            entry.Append($"  year = {{{date.Year}}},\n");
            var note = words.Format("cite_bibtex_note", ("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
            entry.Append($"  note = {{{Braced(note)}}},\n");
        }
        entry.Append($"  url = {{{url}}}\n}}");
        return entry.ToString();
    }

    /// <summary>Protects BibTeX's special characters so titles come out as written.</summary>
    private static string Braced(string text) =>
        text.Replace("\\", "\\textbackslash{}").Replace("{", "\\{").Replace("}", "\\}").Replace("&", "\\&").Replace("%", "\\%").Replace("$", "\\$").Replace("#", "\\#").Replace("_", "\\_");
}
