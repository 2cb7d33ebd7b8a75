using System.Text.RegularExpressions;
using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>
/// Process: gives each page its output path and its place in a section. "02-evidence/01-pilot.md"
/// becomes "evidence/pilot.html" in section "evidence" (order 2) at order 1; front matter 'order'
/// wins over the number prefix. Two pages that would land on the same URL, even differing only by
/// letter case (which breaks on case-insensitive hosts and disks), are an error.
/// </summary>
public sealed partial class AssignUrls : IModule
{
    [GeneratedRegex(@"^(\d+)[-_ ](.+)$")]
    private static partial Regex NumberPrefix();

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var result = documents.Select(d => d.Kind == DocumentKind.Page ? Assign(d) : d).ToList();
        ReportCollisions(result, context.Diagnostics);
        return result;
    }

    private static Document Assign(Document page)
    {
        var segments = page.SourcePath.Split('/');
        var names = segments.Select(s => StripPrefix(s).Name).ToArray();
        names[^1] = Path.ChangeExtension(names[^1], ".html");
        var fileOrder = StripPrefix(Path.GetFileNameWithoutExtension(segments[^1])).Order;
        var isIndex = names[^1].Equals("index.html", StringComparison.OrdinalIgnoreCase);
        var section = segments.Length == 1
            ? new SectionKey("", 0, page.Meta.Order ?? fileOrder ?? (isIndex ? int.MinValue : int.MaxValue), false)
            : new SectionKey(names[0], StripPrefix(segments[0]).Order ?? int.MaxValue,
                page.Meta.Order ?? fileOrder ?? int.MaxValue, isIndex && segments.Length == 2);
        return page with { OutputPath = string.Join('/', names), Section = section };
    }

    /// <summary>The order a "02-name" folder or file gives itself, if any.</summary>
    public static int? NumberPrefix(string segment) => StripPrefix(segment).Order;

    private static (string Name, int? Order) StripPrefix(string segment)
    {
        var match = NumberPrefix().Match(segment);
        return match.Success ? (match.Groups[2].Value, int.Parse(match.Groups[1].Value)) : (segment, null);
    }

    private static void ReportCollisions(IEnumerable<Document> documents, Diagnostics diagnostics)
    {
        var groups = documents.Where(d => d.OutputPath.Length > 0)
            .GroupBy(d => d.OutputPath, StringComparer.OrdinalIgnoreCase);
        foreach (var group in groups.Where(g => g.Count() > 1))
        {
            var sources = group.Select(d => d.SourcePath).Order(StringComparer.Ordinal).ToList();
            diagnostics.Error(sources[1], 1, 1,
                $"'{sources[1]}' and '{sources[0]}' would both be published as '{group.First().OutputPath}' " +
                "(names are compared ignoring letter case and number prefixes); rename one of them.");
        }
    }
}
