using Markdig.Syntax;
using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// Markdown tree step: a fenced block ```evidence-map or ```forest-plot becomes the chart, drawn as
/// inline SVG by the theme's partials from the references' notes, with the same data as a table.
/// Options, one per line: 'cite: key, key' (default: the works the page cites) and, for a forest
/// plot, 'outcome: BPD severity'. A chart with nothing to draw says so, and the build warns.
/// </summary>
public sealed class RenderEvidenceCharts : IMarkdownTreeStep
{
    public const string MapPartial = "partials/evidence-map.liquid";
    public const string ForestPartial = "partials/forest-plot.liquid";
    private static readonly string[] Options = ["cite", "outcome"];

    public string? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) =>
        BuildCache.Digest(BuildCache.InputFiles(context), context.Templates?.Digest, context.Config.EvidenceFocus);

    public Document Apply(MarkdownDocument tree, Document page, BuildContext context)
    {
        if (context.Templates is not { } templates) return page;
        var blocks = MarkdownNodes.Blocks<FencedCodeBlock>(tree).Where(b => b.Info is "evidence-map" or "forest-plot").ToList();
        var cited = page.Citations.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        string Link(Reference reference) => cited.Contains(reference.Id)
            ? "#" + CitationResolver.EntryId(reference.Id)
            : UrlPaths.Relative(page.OutputPath, "references.html") + "#" + CitationResolver.EntryId(reference.Id);
        var count = 0;
        foreach (var block in blocks)
        {
            count++;
            var line = page.BodyLine + block.Line;
            var options = ReadOptions(block, page, line, context);
            var keys = options.TryGetValue("cite", out var list)
                ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
                : [.. page.Citations.OrderBy(c => c.Number).Select(c => c.Key)];
            var references = new List<Reference>();
            foreach (var key in keys)
                if (context.Citations.Find(key) is { } reference) references.Add(reference);
                else context.Diagnostics.Error(page.SourcePath, line, 1, $"the chart names citation '{key}', which is not in the citations file" +
                    (Suggest.Closest(key, context.Citations.Ids) is { } near ? $" (did you mean '{near}'?)." : "."));
            string html;
            if (block.Info == "evidence-map")
            {
                var map = EvidenceCharts.Map($"evidence-map-{count}", references, context.Config.EvidenceFocus, templates.Words, Link);
                if (map is null) context.Diagnostics.Warning(page.SourcePath, line, 1, "the evidence map has no study to show: none of its references has a study design ('design:') and a year.");
                html = templates.Render(MapPartial, ("map", map));
            }
            else
            {
                var outcome = options.GetValueOrDefault("outcome");
                var plot = EvidenceCharts.Forest($"forest-plot-{count}", references, outcome, templates.Words, Link);
                if (plot is null) context.Diagnostics.Warning(page.SourcePath, line, 1,
                    $"the forest plot has nothing to show: none of its references has an 'effect:' line{(outcome is null ? "" : $" for the outcome '{outcome}'")} in its note.");
                html = templates.Render(ForestPartial, ("plot", plot));
            }
            var parent = block.Parent!;
            var chart = new HtmlBlock(null) { Type = HtmlBlockType.NonInterruptingBlock, Lines = new Markdig.Helpers.StringLineGroup(html) };
            parent.Insert(parent.IndexOf(block), chart);
            parent.Remove(block);
        }
        return page;
    }

    private static Dictionary<string, string> ReadOptions(FencedCodeBlock block, Document page, int line, BuildContext context)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = block.Lines.Count == 0 ? [] : block.Lines.ToString().Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            if (text.Length == 0) continue;
            var colon = text.IndexOf(':');
            var name = colon > 0 ? text[..colon].Trim() : text;
            if (colon > 0 && Options.Contains(name)) options[name] = text[(colon + 1)..].Trim();
            else context.Diagnostics.Error(page.SourcePath, line + 1 + i, 1,
                $"'{text}' is not an option of a {block.Info} block; write 'cite: key, key' (which references) or, for a forest plot, 'outcome: name'.");
        }
        return options;
    }
}
