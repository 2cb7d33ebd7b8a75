using System.Text.RegularExpressions;

namespace SiteGen.Citations;

/// <summary>The forms a DOI and a PMID must have, and what to say about one that has not.</summary>
public static partial class Identifiers
{
    // "10." then the registrant's digits (subdivided by dots), "/", then any suffix without spaces.
    [GeneratedRegex(@"^10\.\d+(\.\d+)*/\S+$")]
    private static partial Regex DoiForm();

    /// <summary>Why this is not a DOI, with the expected form; null when it is one.</summary>
    public static string? DoiProblem(string doi)
    {
        if (DoiForm().IsMatch(doi)) return null;
        var trimmed = doi.Trim();
        foreach (var prefix in new[] { "https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:" })
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                return $"'{doi}' is a link or a label, not a DOI; write the DOI alone: {trimmed[prefix.Length..].Trim()}.";
        if (trimmed != doi || doi.Any(char.IsWhiteSpace)) return $"the DOI '{doi}' contains spaces; a DOI is one word such as 10.1038/s41386-023-01540-6.";
        return $"'{doi}' is not a DOI; a DOI starts with '10.', the registrant's number and '/', such as 10.1038/s41386-023-01540-6.";
    }

    /// <summary>Why this is not a PMID (a number of up to 8 digits); null when it is one.</summary>
    public static string? PmidProblem(string pmid) =>
        pmid.Length is > 0 and <= 9 && pmid.All(char.IsAsciiDigit) && pmid[0] != '0'
            ? null
            : $"'{pmid}' is not a PMID; a PMID is PubMed's number for the article, digits only, such as 36804489.";
}
