using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>
/// Process: gives each page its output path and its order in its folder. "02-evidence/01-pilot.md"
/// becomes "evidence/pilot.html" at order 1 (the folder's own order, 2, comes from its name);
/// front matter 'order' wins over the number prefix.
/// Collisions are checked once every document exists (Checks/CheckOutputPaths).
/// </summary>
public sealed class AssignUrls : PerDocumentModule
{
    /// <summary>A page's URL and order come from its own path and front matter: it reads nothing else.</summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) => _ => "";

    protected override Document Process(Document page, BuildContext context)
    {
        var segments = page.SourcePath.Split('/');
        var names = segments.Select(s => StripPrefix(s).Name).ToArray();
        names[^1] = Path.ChangeExtension(names[^1], ".html");
        var fileOrder = StripPrefix(Path.GetFileNameWithoutExtension(segments[^1])).Order;
        // The home page comes first unless its front matter says otherwise; unnumbered pages come last.
        var isHome = segments.Length == 1 && names[^1].Equals("index.html", StringComparison.OrdinalIgnoreCase);
        var order = page.Meta.Order ?? fileOrder ?? (isHome ? int.MinValue : int.MaxValue);
        return page with { OutputPath = string.Join('/', names), Order = order };
    }

    /// <summary>The order a "02-name" folder or file gives itself, if any.</summary>
    public static int? NumberPrefix(string segment) => StripPrefix(segment).Order;

    private static (string Name, int? Order) StripPrefix(string segment)
    {
        var (number, name) = UrlPaths.NumberPrefix(segment);
        return number is not null && int.TryParse(number, out var order) ? (name, order) : (segment, null);
    }
}
