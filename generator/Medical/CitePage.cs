using System.Globalization;
using System.Text;

namespace SiteGen.Medical;

/// <summary>
/// How to cite a page of the site, in text and in BibTeX. It uses the review date rather than the
/// build date, so the output stays the same from build to build.
/// </summary>
public static class CitePage
{
    /// <summary>
    /// The text citation, in the theme's words (cite_text, or cite_text_undated for a page never
    /// reviewed). Without the site's address (no base_url) there is no URL to give: a page's path
    /// alone would send a reader nowhere, so the "_no_url" wording leaves it out.
    /// </summary>
    public static string Text(Words words, string siteTitle, string pageTitle, DateOnly? reviewed, string? url)
    {
        var key = (reviewed is null ? "cite_text_undated" : "cite_text") + (url is null ? "_no_url" : "");
        return words.Format(key, ("site", siteTitle), ("title", pageTitle), ("date", reviewed is { } date ? words.Date(date) : ""), ("url", url ?? ""));
    }

    public static string BibTex(Words words, string siteTitle, string pageTitle, DateOnly? reviewed, string? url, string outputPath)
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
        if (url is not null) entry.Append($"  url = {{{url}}}\n");
        else entry.Length -= 2; // no comma after the last field
        entry.Append(url is null ? "\n}" : "}");
        return entry.ToString();
    }

    /// <summary>Protects BibTeX's special characters so titles come out as written.</summary>
    private static string Braced(string text) =>
        text.Replace("\\", "\\textbackslash{}").Replace("{", "\\{").Replace("}", "\\}").Replace("&", "\\&").Replace("%", "\\%").Replace("$", "\\$").Replace("#", "\\#").Replace("_", "\\_");
}
