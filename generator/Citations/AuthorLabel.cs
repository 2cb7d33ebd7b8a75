namespace SiteGen.Citations;

/// <summary>Short author labels for narrative and author-year citations: "Lieb et al.", "Smith and Jones".</summary>
public static class AuthorLabel
{
    public static string For(Reference reference)
    {
        var named = reference.NamedAuthors.ToList();
        if (named.Count == 0) return ShortTitle(reference.Title);
        var first = Name(named[0]);
        if (named.Count >= 3 || reference.AuthorsTruncated) return first + " et al.";
        return named.Count == 2 ? $"{first} and {Name(named[1])}" : first;
    }

    public static string Year(Reference reference) => reference.Year?.ToString() ?? "n.d.";

    private static string Name(PersonName name) => name.Family ?? name.Literal ?? "";

    private static string ShortTitle(string title)
    {
        var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 6 ? title : string.Join(' ', words[..6]) + "…";
    }
}
