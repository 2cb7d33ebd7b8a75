using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.Default };

    private static readonly string[] OrganisationWords = ["team", "group", "committee", "board", "association", "institute", "society", "editors"];

    public static string JsonLd(Document page, BuildContext context)
    {
        var config = context.Config;
        // A JSON tree rather than serialized objects: written the same way by the natively compiled program.
        var data = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "MedicalWebPage",
            ["name"] = page.Title,
            ["headline"] = page.Title,
            ["description"] = page.Meta.Description ?? config.Description,
            ["inLanguage"] = config.Language,
            ["isPartOf"] = new JsonObject { ["@type"] = "WebSite", ["name"] = config.Title },
            ["audience"] = new JsonObject { ["@type"] = "MedicalAudience", ["audienceType"] = page.Meta.Audience ?? config.Audience },
        };
        if (UrlPaths.Absolute(config.BaseUrl, page.OutputPath) is { } url) data["url"] = url;
        if (page.Meta.Reviewed is { } reviewed) data["lastReviewed"] = reviewed.ToString("yyyy-MM-dd");
        if (page.Meta.Modified is { } modified) data["dateModified"] = modified.ToString("yyyy-MM-dd");
        if (page.Meta.Reviewers.Count > 0)
            data["reviewedBy"] = new JsonArray([.. page.Meta.Reviewers.Select(reviewer => new JsonObject
            {
                ["@type"] = OrganisationWords.Any(w => reviewer.Name.Contains(w, StringComparison.OrdinalIgnoreCase)) ? "Organization" : "Person",
                ["name"] = reviewer.Name,
            })]);
        if (page.Meta.Tags.Count > 0) data["keywords"] = string.Join(", ", page.Meta.Tags);
        var cited = page.Citations.Select(c => context.Citations.Find(c.Key)).OfType<Reference>().ToList();
        if (cited.Count > 0) data["citation"] = new JsonArray([.. cited.Select(Article)]);
        return data.ToJsonString(Options);
    }

    private static JsonObject Article(Reference reference)
    {
        var article = new JsonObject
        {
            ["@type"] = reference.Type is "book" ? "Book" : reference.Type is "webpage" ? "WebPage" : "ScholarlyArticle",
            ["name"] = reference.Title,
        };
        // A name and one address that identifies the work (DOI, else PubMed, else its URL): the
        // authors, journal and year are in the page's reference list, and this block is on every
        // page, within the page-weight budget.
        var address = reference.Doi is { } doi ? "https://doi.org/" + doi
            : reference.Pmid is { } pmid ? $"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" : reference.Url;
        if (address is not null) article["url"] = address;
        return article;
    }
}
