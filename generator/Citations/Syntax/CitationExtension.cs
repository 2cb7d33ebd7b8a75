using Markdig;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;

namespace SiteGen.Citations.Syntax;

/// <summary>Adds Pandoc citation syntax to a Markdig pipeline, ahead of links (which also start with '[').</summary>
public sealed class CitationExtension : IMarkdownExtension
{
    public void Setup(MarkdownPipelineBuilder pipeline)
    {
        if (!pipeline.InlineParsers.Contains<CitationInlineParser>())
            pipeline.InlineParsers.InsertBefore<LinkInlineParser>(new CitationInlineParser());
    }

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
        if (renderer is HtmlRenderer html && !html.ObjectRenderers.Contains<CitationRenderer>())
            html.ObjectRenderers.Insert(0, new CitationRenderer());
    }
}
