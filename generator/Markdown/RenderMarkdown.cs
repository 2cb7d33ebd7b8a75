using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Engine;
using SiteGen.Html;

namespace SiteGen.Markdown;

/// <summary>
/// Process: Markdown to an HTML fragment. It parses the page, takes the title from a leading
/// '# heading' when front matter has none (the layout prints the one h1), runs the recipe's
/// tree steps in their order on the one tree (sanitise, lint, rewrite links, resolve citations),
/// records the headings for the table of contents, and writes the HTML. A page with raw HTML is
/// published as the tree a browser builds from it.
/// </summary>
public sealed class RenderMarkdown(MarkdownPipeline pipeline, params IMarkdownTreeStep[] steps) : PerDocumentModule
{
    /// <summary>The tree steps, in the order they run (the recipe lists them).</summary>
    public IReadOnlyList<IMarkdownTreeStep> Steps => steps;

    /// <summary>Worker time of parsing, of each tree step and of writing the HTML, for `--verbose`.</summary>
    private readonly long[] _ticks = new long[steps.Length + 3];

    public override bool Begin(IReadOnlyList<Document> documents, BuildContext context)
    {
        Array.Clear(_ticks);
        foreach (var step in steps) step.Begin(documents, context);
        return true;
    }

    public override IEnumerable<string> Timings() =>
        new[] { "Markdig.Parse" }.Concat(steps.Select(s => s.GetType().Name)).Append("Markdig.ToHtml").Append("raw HTML as browsers read it").Select((name, i) =>
            $"{name,-28} {System.Diagnostics.Stopwatch.GetElapsedTime(0, _ticks[i]).TotalMilliseconds,8:F1} ms");

    /// <summary>What its tree steps read besides the page (every page's URL, the citations file).</summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context)
    {
        var reads = steps.Select(s => s.CacheInputs(documents, context)).ToList();
        if (reads.Any(r => r is null)) return null;
        var shared = BuildCache.Digest([.. reads]);
        return _ => shared;
    }

    protected override Document Process(Document document, BuildContext context)
    {
        try
        {
            return Render(document, context);
        }
        catch (Exception ex) when (ex.Message.Contains("too deeply nested", StringComparison.Ordinal))
        {
            context.Diagnostics.Error(document.SourcePath, document.BodyLine, 1,
                "lists, quotes or emphasis are nested too deeply to render; flatten the structure (Markdig stops at a safe depth).");
            return document;
        }
    }

    private Document Render(Document document, BuildContext context)
    {
        if (LinkTargetBudget.OverBudget(document.Markdown) is { } at)
        {
            var line = document.Markdown.AsSpan(0, at).Count('\n');
            var column = at - (document.Markdown.LastIndexOf('\n', Math.Max(0, at - 1)) + 1) + 1;
            context.Diagnostics.Error(document.SourcePath, document.BodyLine + line, column,
                "links here start with '](' and never close with ')': Markdown would take minutes to read them. Close each link, or write '\\](' for a literal bracket.");
            // The page keeps a title, so the pages that link to it report nothing more.
            return document with { Markdown = "", Title = document.Meta.Title ?? Path.GetFileNameWithoutExtension(document.OutputPath) };
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ast = Markdig.Markdown.Parse(document.Markdown, pipeline);
        Interlocked.Add(ref _ticks[0], System.Diagnostics.Stopwatch.GetTimestamp() - started);
        // Raw HTML the author wrote, asked before the tree steps add markup of their own (heading
        // links, citation markers): only such a page needs reading back as a browser would, which
        // cost more than all the rest of rendering when every page with a heading went through it.
        var authoredHtml = SanitizeRawHtml.HasRawHtml(ast);
        var title = document.Meta.Title;
        if (ast.FirstOrDefault() is HeadingBlock { Level: 1 } first)
        {
            title ??= InlineText(first.Inline);
            ast.Remove(first);
        }
        foreach (var extra in MarkdownNodes.Blocks<HeadingBlock>(ast).Where(h => h.Level == 1))
            context.Diagnostics.Warning(document.SourcePath, document.BodyLine + extra.Line, extra.Column + 1,
                "a page has one level-1 heading, its title; use '##' for sections.");
        if (string.IsNullOrWhiteSpace(title))
        {
            if (!context.Diagnostics.HasErrorFor(document.SourcePath))
                context.Diagnostics.Error(document.SourcePath, 1, 1, "the page has no title; add 'title:' to its front matter.");
            title = Path.GetFileNameWithoutExtension(document.OutputPath);
        }

        var page = document;
        for (var s = 0; s < steps.Length; s++)
        {
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            page = steps[s].Apply(ast, page, context);
            Interlocked.Add(ref _ticks[s + 1], System.Diagnostics.Stopwatch.GetTimestamp() - started);
        }
        var headings = MarkdownNodes.Blocks<HeadingBlock>(ast)
            .Where(h => h.Level is 2 or 3)
            .Select(h => new Heading(h.Level, InlineText(h.Inline), h.GetAttributes().Id ?? ""))
            .ToList();

        started = System.Diagnostics.Stopwatch.GetTimestamp();
        var html = Markdig.Markdown.ToHtml(ast, pipeline);
        Interlocked.Add(ref _ticks[^2], System.Diagnostics.Stopwatch.GetTimestamp() - started);
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (authoredHtml) html = HtmlAllowlist.AsBrowserBuildsIt(html);
        Interlocked.Add(ref _ticks[^1], System.Diagnostics.Stopwatch.GetTimestamp() - started);
        return page with { Markdown = "", Content = html, Title = title, Headings = headings };
    }

    /// <summary>The text a reader sees in an inline run (no markup).</summary>
    public static string InlineText(ContainerInline? inline)
    {
        if (inline is null) return "";
        var text = new System.Text.StringBuilder();
        foreach (var child in inline.Descendants<Inline>())
        {
            switch (child)
            {
                case LiteralInline literal: text.Append(literal.Content.AsSpan()); break;
                case CodeInline code: text.Append(code.Content); break;
                case Citations.Syntax.CitationInline citation: text.Append(citation.Source); break;
                case LineBreakInline: text.Append(' '); break;
            }
        }
        return text.ToString().Trim();
    }
}
