using Markdig.Extensions.CustomContainers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using SiteGen.Engine;

namespace SiteGen.Markdown;

/// <summary>
/// Markdown tree step: the first use on a page of each glossary term, in running text (not in
/// headings, links, code, tables or "For clinicians" blocks), links to its entry on the glossary
/// page and carries its definition as a tooltip that shows on hover and keyboard focus and is
/// read out with the link, drawn by the theme's partials/glossary-term.liquid. On a touch screen
/// the link opens the glossary, so no script is needed to read a definition.
/// </summary>
public sealed class MarkGlossaryTerms : IMarkdownTreeStep
{
    public const string Partial = "partials/glossary-term.liquid";

    /// <summary>The glossary file and the theme's partial: a page is redone when either changes.</summary>
    public string? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) =>
        BuildCache.Digest(BuildCache.FileDigest(context.Paths.InputFile(Glossary.SourcePath)), context.Templates?.Digest);

    public Document Apply(MarkdownDocument tree, Document page, BuildContext context)
    {
        if (context.Glossary.Pattern is null || context.Templates is not { } templates || page.Kind != DocumentKind.Page) return page;
        var glossaryUrl = UrlPaths.Relative(page.OutputPath, GlossaryPage.OutputPath);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var paragraph in MarkdownNodes.Blocks<ParagraphBlock>(tree).Where(InRunningText).ToList())
        {
            if (paragraph.Inline is null) continue;
            foreach (var literal in paragraph.Inline.Descendants<LiteralInline>().Where(l => !InsideLink(l)).ToList())
                Mark(literal, context.Glossary, used, templates, glossaryUrl);
        }
        return page;
    }

    /// <summary>Splits a literal around the first term not yet marked on the page (before | term | after), then looks at the rest.</summary>
    private static void Mark(LiteralInline literal, Glossary glossary, HashSet<string> used, ThemeTemplates templates, string glossaryUrl)
    {
        var text = literal.Content.ToString();
        var match = glossary.Pattern!.Matches(text).FirstOrDefault(m => glossary.Find(m.Value) is { } e && !used.Contains(e.Id));
        if (match is null) return;
        var entry = glossary.Find(match.Value)!;
        used.Add(entry.Id);
        var html = templates.Render(Partial, ("term", new GlossaryTermModel(match.Value, $"{glossaryUrl}#{entry.Id}", entry.Definition, $"{entry.Id}-tip", entry.IsAbbreviation)));
        var after = new LiteralInline(text[(match.Index + match.Length)..]);
        literal.InsertAfter(new HtmlInline(html));
        literal.NextSibling!.InsertAfter(after);
        literal.Content = new Markdig.Helpers.StringSlice(text[..match.Index]);
        Mark(after, glossary, used, templates, glossaryUrl);
    }

    /// <summary>Paragraphs of running text: not headings, tables, alerts' titles or "For clinicians" blocks.</summary>
    private static bool InRunningText(ParagraphBlock paragraph)
    {
        for (Block? parent = paragraph.Parent; parent is not null; parent = parent.Parent)
            if (parent is CustomContainer { Info: "for-clinicians" } or Markdig.Extensions.Tables.Table) return false;
        return true;
    }

    /// <summary>A term inside a link is left alone: a link in a link is not allowed. (Citations and code are leaf inlines, holding no literal text.)</summary>
    private static bool InsideLink(Inline inline)
    {
        for (var parent = inline.Parent; parent is not null; parent = parent.Parent)
            if (parent is LinkInline) return true;
        return false;
    }
}

/// <summary>The glossary page's address, shared by the pages that link to it and the step that makes it.</summary>
public static class GlossaryPage
{
    public const string OutputPath = "glossary.html";
}
