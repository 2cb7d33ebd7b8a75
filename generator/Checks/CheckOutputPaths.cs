using System.Text;
using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// Checks every output path once, after the last document exists and before anything is laid
/// out: two files on one URL, or a source file on the URL of a file the build generates (a page
/// named search.md, a file at input/search/index.js), would silently replace one another. Paths
/// are compared as hosts and disks may see them: ignoring letter case and Unicode normalisation
/// (NFC and NFD spell "é" two ways). A file whose path is another's folder collides too.
/// The source files that lose are reported and left out of the rest of the build, so the
/// layout and the checks see one document per path and report nothing twice.
/// </summary>
public sealed class CheckOutputPaths : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var byKey = new Dictionary<string, List<Document>>(StringComparer.Ordinal);
        foreach (var document in documents.Where(d => d.OutputPath.Length > 0))
        {
            var key = Key(document.OutputPath);
            if (!byKey.TryGetValue(key, out var list)) byKey[key] = list = [];
            list.Add(document);
        }
        var losers = new HashSet<Document>(ReferenceEqualityComparer.Instance);
        foreach (var group in byKey.Values.Where(g => g.Count > 1))
        {
            Report(group, context.Diagnostics);
            // A generated file, else the first source by name, keeps the path.
            var keeper = group.FirstOrDefault(d => d.SourcePath.Length == 0) ?? group.MinBy(d => d.SourcePath, StringComparer.Ordinal)!;
            foreach (var document in group.Where(d => !ReferenceEquals(d, keeper))) losers.Add(document);
        }
        foreach (var (key, group) in byKey)
        {
            // "notes.pdf/x.png" cannot be written when "notes.pdf" is a file.
            for (var slash = key.IndexOf('/'); slash > 0; slash = key.IndexOf('/', slash + 1))
                if (byKey.TryGetValue(key[..slash], out var file))
                    Report([file[0], group[0]], context.Diagnostics);
        }
        return losers.Count == 0 ? documents : [.. documents.Where(d => !losers.Contains(d))];
    }

    /// <summary>The form two paths share when a case-insensitive or normalising host would take them for one.</summary>
    public static string Key(string outputPath) => outputPath.Normalize(NormalizationForm.FormC).ToUpperInvariant();

    private static void Report(List<Document> group, Diagnostics diagnostics)
    {
        var sources = group.Where(d => d.SourcePath.Length > 0).OrderBy(d => d.SourcePath, StringComparer.Ordinal).ToList();
        var generated = group.FirstOrDefault(d => d.SourcePath.Length == 0);
        if (generated is not null)
        {
            foreach (var source in sources)
                diagnostics.Error(source.SourcePath, 1, 1,
                    $"this {(source.Kind == DocumentKind.Page ? "page" : "file")} would be published as {source.OutputPath}, " +
                    $"which the site already generates ({Describe(generated)}); rename it.");
            if (sources.Count == 0)
                diagnostics.Error($"two generated files would both be published as '{generated.OutputPath}' ({Describe(generated)}); this is a bug in sitegen or the theme.");
            return;
        }
        for (var i = 1; i < sources.Count; i++)
            diagnostics.Error(sources[i].SourcePath, 1, 1,
                $"'{sources[i].SourcePath}' and '{sources[0].SourcePath}' would both be published as '{sources[0].OutputPath}' " +
                "(names are compared ignoring letter case, Unicode normalisation and number prefixes); rename one of them.");
    }

    private static string Describe(Document generated) => generated.OutputPath switch
    {
        "404.html" => "the page-not-found page",
        "search.html" => "the search page",
        "sitemap.xml" => "the sitemap",
        "robots.txt" => "the robots.txt file",
        "_headers" => "the security headers file",
        _ when generated.OutputPath.StartsWith("assets/", StringComparison.Ordinal) => "a file of the theme",
        _ when generated.OutputPath.StartsWith("search/", StringComparison.Ordinal) => "the search index",
        _ when generated.Kind == DocumentKind.GeneratedPage => $"the {generated.Title} page",
        _ => "a generated file",
    };
}
