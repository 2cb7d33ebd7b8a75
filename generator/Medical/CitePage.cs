using System.Globalization;
using System.Text;

namespace SiteGen.Medical;

/// <summary>
/// How to cite a page of the site, in text and in BibTeX. It uses the review date rather than the
/// build date, so the output stays the same from build to build.
/// </summary>
public static class CitePage
{
    public static string Text(string siteTitle, string pageTitle, DateOnly? reviewed, string url) =>
        $"{siteTitle}. {pageTitle}" + (reviewed is { } date ? $". Last reviewed {date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}" : "") +
        $". Available from: {url}";

    public static string BibTex(string siteTitle, string pageTitle, DateOnly? reviewed, string url, string outputPath)
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
            entry.Append($"  note = {{Last reviewed {date:yyyy-MM-dd}}},\n");
        }
        entry.Append($"  url = {{{url}}}\n}}");
        return entry.ToString();
    }

    /// <summary>Protects BibTeX's special characters so titles come out as written.</summary>
    private static string Braced(string text) =>
        text.Replace("\\", "\\textbackslash{}").Replace("{", "\\{").Replace("}", "\\}").Replace("&", "\\&").Replace("%", "\\%").Replace("$", "\\$").Replace("#", "\\#").Replace("_", "\\_");
}
