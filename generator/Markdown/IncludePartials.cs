using Markdig;
using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using SiteGen.Engine;

namespace SiteGen.Markdown;

/// <summary>
/// Markdown tree step: a block written <c>::: include crisis</c> followed by <c>:::</c> is replaced
/// by the Markdown of input/_partials/crisis.md, so text that several pages need (where to get help
/// next to content about suicide, say) is written once. The block keeps a class,
/// <c>partial-crisis</c>, for the theme. Links in a partial are read from the including page, so
/// a partial links to #anchors and absolute addresses. A missing partial is an error at the block.
/// </summary>
public sealed class IncludePartials(MarkdownPipeline pipeline) : IMarkdownTreeStep
{
    private const string Folder = "_partials";

    /// <summary>Every partial in input/_partials: a page that includes one is redone when any changes.</summary>
    public string? CacheInputs(IReadOnlyList<Document> documents, BuildContext context)
    {
        var folder = Path.Combine(context.Paths.Input, Folder);
        return Directory.Exists(folder)
            ? BuildCache.Digest([.. Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal).SelectMany(f => new[] { Path.GetFileName(f), BuildCache.FileDigest(f) })])
            : "";
    }

    public Document Apply(MarkdownDocument tree, Document page, BuildContext context)
    {
        foreach (var block in MarkdownNodes.Blocks<CustomContainer>(tree).Where(c => c.Info == "include").ToList())
        {
            var name = (block.Arguments ?? "").Trim();
            var line = page.BodyLine + block.Line;
            if (name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_'))
            {
                context.Diagnostics.Error(page.SourcePath, line, block.Column + 1,
                    $"'::: include' needs the name of a partial in input/{Folder}/, such as '::: include crisis' for {Folder}/crisis.md.");
                continue;
            }
            var source = context.Paths.InputSource($"{Folder}/{name}.md");
            if (!SourceFiles.Exists(source))
            {
                context.Diagnostics.Error(page.SourcePath, line, block.Column + 1, $"there is no partial input/{Folder}/{name}.md to include; create it, or correct the name.");
                continue;
            }
            if (TextDecoding.Read(source, $"{Folder}/{name}.md", context.Diagnostics) is not { } text) continue;
            var partial = Markdig.Markdown.Parse(text, pipeline);
            block.Clear();
            foreach (var child in partial.ToList())
            {
                partial.Remove(child);
                // The partial's blocks are reported at the include, not at lines of another file.
                child.Line = block.Line;
                block.Add(child);
            }
            // The container's class comes from its info string when it is parsed ("include"): name the partial instead.
            var attributes = Markdig.Renderers.Html.HtmlAttributesExtensions.GetAttributes(block);
            attributes.Classes?.Remove("include");
            attributes.AddClass("partial-" + name);
        }
        return page;
    }
}
