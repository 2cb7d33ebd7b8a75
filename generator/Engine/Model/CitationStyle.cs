namespace SiteGen.Engine;

/// <summary>How citations appear in the text (site.yml 'citation_style').</summary>
public enum CitationStyle
{
    /// <summary>"[1, 2]", numbered in order of first use on the page (Vancouver/AMA, the medical convention).</summary>
    Numeric,

    /// <summary>"(Lieb et al., 2004)", with the reference list sorted by author.</summary>
    AuthorYear,
}
