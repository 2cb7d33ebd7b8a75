using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>Process: reads each page's file, and splits off and parses its front matter.</summary>
public sealed class ParseFrontMatter : PerDocumentModule
{
    protected override Document Process(Document document, BuildContext context)
    {
        var text = TextDecoding.Read(context.Paths.InputFile(document.SourcePath), document.SourcePath, context.Diagnostics);
        if (text is null) return document;
        var (yaml, body, bodyLine, unclosed) = FrontMatter.Split(text);
        if (unclosed)
        {
            context.Diagnostics.Error(document.SourcePath, 1, 1,
                "front matter starts with '---' but is never closed; add a line with '---' after the last key.");
            return document;
        }
        var meta = yaml is null ? PageMeta.Empty : FrontMatter.Parse(yaml, document.SourcePath, context.Diagnostics);
        return document with { Meta = meta, Markdown = body, BodyLine = bodyLine };
    }
}
