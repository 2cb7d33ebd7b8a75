using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Checks;
using SiteGen.Citations;
using SiteGen.Engine;
using SiteGen.Html;

namespace SiteGen.Markdown;

/// <summary>
/// Process: Markdown to an HTML fragment. Along the way it records the headings for the table of
/// contents, takes the title from a leading '# heading' when front matter has none (the layout
/// prints the one h1), and rewrites links to other pages' .md files into their published URLs.
/// </summary>
public sealed class RenderMarkdown(MarkdownPipeline pipeline) : PerDocumentModule
{
    private LinkRewriter _links = new([]);

    /// <summary>Links between pages are rewritten with every page's URL known.</summary>
    public override bool Begin(IReadOnlyList<Document> documents, BuildContext context)
    {
        _links = new LinkRewriter(documents);
        return true;
    }

    /// <summary>
    /// For a build cache: everything a page's rendering depends on. Its own text and front matter,
    /// and for every page alike the URLs of all pages (links), the citations and site.yml.
    /// </summary>
    public static Func<Document, string?> Inputs(IReadOnlyList<Document> documents, BuildContext context)
    {
        var urls = string.Join("\n", documents.Select(d => d.SourcePath + "=" + d.OutputPath));
        var shared = BuildCache.Digest(urls, BuildCache.InputFiles(context));
        return document => document.Kind != DocumentKind.Page ? null
            : BuildCache.Digest(shared, document.SourcePath, document.OutputPath, document.BodyLine.ToString(),
                BuildCache.Json(document.Meta), BuildCache.Of(document.Markdown));
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
        var ast = Markdig.Markdown.Parse(document.Markdown, pipeline);
        var title = document.Meta.Title;
        if (ast.FirstOrDefault() is HeadingBlock { Level: 1 } first)
        {
            title ??= InlineText(first.Inline);
            ast.Remove(first);
        }
        foreach (var extra in ast.Descendants<HeadingBlock>().Where(h => h.Level == 1))
            context.Diagnostics.Warning(document.SourcePath, document.BodyLine + extra.Line, extra.Column + 1,
                "a page has one level-1 heading, its title; use '##' for sections.");
        if (string.IsNullOrWhiteSpace(title))
        {
            if (!context.Diagnostics.HasErrorFor(document.SourcePath))
                context.Diagnostics.Error(document.SourcePath, 1, 1, "the page has no title; add 'title:' to its front matter.");
            title = Path.GetFileNameWithoutExtension(document.OutputPath);
        }

        var rawHtml = SanitizeRawHtml.Apply(ast, document, context);
        LintMarkdown.Run(ast, document, context);
        var sourceLinks = _links.Rewrite(ast, document, context.Diagnostics);
        var citations = CitationResolver.Resolve(ast, document, context);
        var headings = ast.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3)
            .Select(h => new Heading(h.Level, InlineText(h.Inline), h.GetAttributes().Id ?? ""))
            .ToList();

        var html = Markdig.Markdown.ToHtml(ast, pipeline);
        if (rawHtml) html = HtmlAllowlist.AsBrowserBuildsIt(html);
        return document with { Markdown = "", Content = html, Title = title, Headings = headings, Links = sourceLinks, Citations = citations };
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
