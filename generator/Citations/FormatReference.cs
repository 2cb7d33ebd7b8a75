using System.Net;
using System.Text;

namespace SiteGen.Citations;

/// <summary>
/// Formats a reference in the Vancouver/AMA style medicine uses: up to six authors then "et al.",
/// title, journal, year;volume(issue):pages, then DOI and PubMed links. Every value from the
/// citations file is HTML-escaped, so a title containing &lt;script&gt; shows as text.
/// </summary>
public static class FormatReference
{
    private const int MaxAuthors = 6;

    /// <summary>The reference as plain text (for previews and search).</summary>
    public static string Text(Reference reference, Words words) => string.Concat(Parts(reference, words).Select(p => p.Text));

    /// <summary>The reference as HTML, with its identifiers as links.</summary>
    public static string Html(Reference reference, Words words)
    {
        var html = new StringBuilder();
        foreach (var part in Parts(reference, words))
        {
            var text = WebUtility.HtmlEncode(part.Text);
            if (part.Href is { } href)
                html.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">").Append(text).Append("</a>");
            else if (part.Italic) html.Append("<cite>").Append(text).Append("</cite>");
            else html.Append(text);
        }
        return html.ToString();
    }

    private sealed record Part(string Text, string? Href = null, bool Italic = false);

    private static IEnumerable<Part> Parts(Reference r, Words words)
    {
        var authors = Authors(r);
        if (authors.Length > 0) yield return new Part(authors + ". ");
        if (r.Title.Length > 0) yield return new Part(EndSentence(r.Title) + " ");
        switch (r.Type)
        {
            case "book" or "report":
                var place = string.Join(": ", new[] { r.PublisherPlace, r.Publisher }.Where(s => !string.IsNullOrWhiteSpace(s)));
                if (place.Length > 0) yield return new Part(place + (r.Year is null ? ". " : "; "));
                if (r.Year is { } year) yield return new Part(year + ". ");
                break;
            default:
                if (r.ContainerTitle is { } journal) yield return new Part(journal, Italic: true);
                if (r.ContainerTitle is not null) yield return new Part(". ");
                if (r.Number is { } number) yield return new Part(number + ". ");
                yield return new Part(Citation(r) + ". ");
                break;
        }
        var links = new List<Part>();
        if (r.Doi is { } doi) links.Add(new Part("doi:" + doi, "https://doi.org/" + doi));
        if (r.Pmid is { } pmid) links.Add(new Part("PubMed: " + pmid, $"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"));
        if (r.Pmcid is { } pmcid) links.Add(new Part(pmcid, $"https://pmc.ncbi.nlm.nih.gov/articles/{pmcid}/"));
        if (links.Count == 0 && r.Url is { } url) links.Add(new Part(words.Format("reference_available_from", ("url", url)), url));
        for (var i = 0; i < links.Count; i++)
        {
            if (i > 0) yield return new Part(" ");
            yield return links[i];
        }
    }

    /// <summary>"Fineberg SK, Choi EY, …, et al." in Vancouver form; organisations as written.</summary>
    public static string Authors(Reference reference)
    {
        var named = reference.NamedAuthors.ToList();
        var shown = named.Take(MaxAuthors).Select(Vancouver).ToList();
        if (named.Count > MaxAuthors || reference.AuthorsTruncated) shown.Add("et al");
        return string.Join(", ", shown);
    }

    private static string Vancouver(PersonName name)
    {
        if (name.Family is null) return name.Literal ?? "";
        if (name.Given is null) return name.Family;
        var suffix = "";
        var initials = new StringBuilder();
        foreach (var part in name.Given.Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part is "Jr" or "Sr" or "II" or "III" or "IV") { suffix = " " + part; continue; }
            foreach (var piece in part.Split('-', StringSplitOptions.RemoveEmptyEntries))
                if (char.IsLetter(piece[0])) initials.Append(char.ToUpperInvariant(piece[0]));
        }
        return $"{name.Family} {initials}{suffix}".Trim();
    }

    /// <summary>"2023;48(7):991-999" — whatever parts the entry has.</summary>
    private static string Citation(Reference r)
    {
        var text = new StringBuilder(r.Year?.ToString() ?? "n.d.");
        if (r.Type == "webpage" && r.Month is { } month)
        {
            text.Append(' ').Append(System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month));
            if (r.Day is { } day) text.Append(' ').Append(day);
        }
        // Vancouver: 2023;48(7):991-999, and 2022:715-718 when there is no volume or issue.
        if (r.Volume is not null || r.Issue is not null) text.Append(';');
        if (r.Volume is { } volume) text.Append(volume);
        if (r.Issue is { } issue) text.Append('(').Append(issue).Append(')');
        if (r.Page is { } page) text.Append(':').Append(page);
        return text.ToString();
    }

    private static string EndSentence(string text) => text.TrimEnd().EndsWith('.') || text.TrimEnd().EndsWith('?') || text.TrimEnd().EndsWith('!') ? text.TrimEnd() : text.TrimEnd() + ".";
}
