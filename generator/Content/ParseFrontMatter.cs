using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>Process: reads each page's file, and splits off and parses its front matter.</summary>
public sealed class ParseFrontMatter : PerDocumentModule
{
    /// <summary>For a build cache: a page's front matter and body depend on its file alone (its size and time of change).</summary>
    public static Func<Document, string?> Inputs(IReadOnlyList<Document> documents, BuildContext context) =>
        document => document.Kind != DocumentKind.Page ? null
            : document.SourcePath + "\n" + BuildCache.FileStamp(context.Paths.InputFile(document.SourcePath));

    protected override Document Process(Document document, BuildContext context)
    {
        var text = TextDecoding.Read(context.Paths.InputSource(document.SourcePath), document.SourcePath, context.Diagnostics);
        if (text is null || FrontMatter.Read(text, document.SourcePath, context.Diagnostics) is not var (meta, body, bodyLine)) return document;
        return document with { Meta = meta, Markdown = body, BodyLine = bodyLine };
    }
}
