using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>Process: reads each page's file, and splits off and parses its front matter.</summary>
public sealed class ParseFrontMatter : PerDocumentModule
{
    /// <summary>
    /// It reads the page's own file, whose size and time of change, taken when the folder was
    /// listed, are part of the document (<see cref="Document.SourceStamp"/>); a document made
    /// another way is stamped here.
    /// </summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context) =>
        document => document.SourceStamp.Length > 0 ? "" : BuildCache.FileStamp(context.Paths.InputFile(document.SourcePath));

    protected override Document Process(Document document, BuildContext context)
    {
        var text = TextDecoding.Read(context.Paths.InputSource(document.SourcePath), document.SourcePath, context.Diagnostics);
        if (text is null || FrontMatter.Read(text, document.SourcePath, context.Diagnostics) is not var (meta, body, bodyLine)) return document;
        return document with { Meta = meta, Markdown = body, BodyLine = bodyLine };
    }
}
