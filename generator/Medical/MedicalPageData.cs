using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Citations;
using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Medical;

/// <summary>
/// schema.org MedicalWebPage JSON-LD for a page: what it is, who reviewed it and when, who it is
/// for, and the works it cites as ScholarlyArticle entries with their DOI. Written into a
/// script element of type application/ld+json: data, not script, so the CSP allows it.
/// </summary>
public static class MedicalPageData
{
    // The default encoder escapes <, > and &, so nothing in the data can close the script element.
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    private static readonly string[] OrganisationWords = ["team", "group", "committee", "board", "association", "institute", "society", "editors"];

    /// <summary>
    /// Written straight to UTF-8 (no reflection, so the natively compiled program writes it the
    /// same way), with no tree of JSON nodes made first: every page has one.
    /// </summary>
    public static string JsonLd(Document page, BuildContext context)
    {
        var config = context.Config;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "MedicalWebPage");
            json.WriteString("name", page.Title);
            json.WriteString("headline", page.Title);
            json.WriteString("description", page.Meta.Description ?? config.Description);
            json.WriteString("inLanguage", config.Language);
            json.WriteStartObject("isPartOf");
            json.WriteString("@type", "WebSite");
            json.WriteString("name", config.Title);
            json.WriteEndObject();
            json.WriteStartObject("audience");
            json.WriteString("@type", "MedicalAudience");
            json.WriteString("audienceType", page.Meta.Audience ?? config.Audience);
            json.WriteEndObject();
            if (UrlPaths.Absolute(config.BaseUrl, page.OutputPath) is { } url) json.WriteString("url", url);
            if (page.Meta.Reviewed is { } reviewed) json.WriteString("lastReviewed", reviewed.ToString("yyyy-MM-dd"));
            if (page.Meta.Modified is { } modified) json.WriteString("dateModified", modified.ToString("yyyy-MM-dd"));
            if (page.Meta.Reviewers.Count > 0)
            {
                json.WriteStartArray("reviewedBy");
                foreach (var reviewer in page.Meta.Reviewers)
                {
                    json.WriteStartObject();
                    json.WriteString("@type", OrganisationWords.Any(w => reviewer.Name.Contains(w, StringComparison.OrdinalIgnoreCase)) ? "Organization" : "Person");
                    json.WriteString("name", reviewer.Name);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
            }
            if (page.Meta.Tags.Count > 0) json.WriteString("keywords", string.Join(", ", page.Meta.Tags));
            var cited = page.Citations.Select(c => context.Citations.Find(c.Key)).OfType<Reference>().ToList();
            if (cited.Count > 0)
            {
                json.WriteStartArray("citation");
                foreach (var reference in cited) Article(json, reference);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Article(Utf8JsonWriter json, Reference reference)
    {
        json.WriteStartObject();
        json.WriteString("@type", reference.Type is "book" ? "Book" : reference.Type is "webpage" ? "WebPage" : "ScholarlyArticle");
        json.WriteString("name", reference.Title);
        // A name and one address that identifies the work (DOI, else PubMed, else its URL): the
        // authors, journal and year are in the page's reference list, and this block is on every
        // page, within the page-weight budget.
        var address = reference.Doi is { } doi ? "https://doi.org/" + doi
            : reference.Pmid is { } pmid ? $"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" : reference.Url;
        if (address is not null) json.WriteString("url", address);
        json.WriteEndObject();
    }
}
