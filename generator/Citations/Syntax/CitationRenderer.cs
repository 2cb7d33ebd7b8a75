using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SiteGen.Citations.Syntax;

/// <summary>
/// Writes a resolved citation: each item links to its entry in the page's reference list and
/// carries a preview of the reference that CSS shows on hover and keyboard focus (no script).
/// Numeric style prints "[1, 2]"; author-year "(Lieb et al., 2004)"; narrative "Lieb et al. (2004)".
/// </summary>
public sealed class CitationRenderer : HtmlObjectRenderer<CitationInline>
{
    protected override void Write(HtmlRenderer renderer, CitationInline citation)
    {
        if (citation.Resolved is not { } items)
        {
            renderer.WriteEscape(citation.Source);
            return;
        }
        var narrative = citation.IsNarrative;
        var parenthesised = citation.Style == CitationStyle.AuthorYear;
        renderer.Write("<span class=\"citation\">");
        if (!narrative) renderer.Write(parenthesised ? "(" : "[");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (i > 0) renderer.Write(parenthesised ? "; " : ", ");
            if (item.Item.Prefix.Length > 0) renderer.WriteEscape(item.Item.Prefix).Write(' ');
            renderer.Write("<span class=\"citation-item\"><a class=\"citation-link\" id=\"").Write(item.MarkerId)
                .Write("\" href=\"").Write(item.Href).Write("\" aria-describedby=\"").Write(item.MarkerId).Write("-preview\">")
                .WriteEscape(item.Label).Write("</a>")
                .Write("<span class=\"citation-preview\" role=\"tooltip\" id=\"").Write(item.MarkerId).Write("-preview\">")
                .WriteEscape(item.Preview);
            // A retraction or correction is said in the preview too, where a reader meets the work first.
            foreach (var notice in item.Notices)
                renderer.Write(" <strong class=\"reference-notice notice-").Write(notice.Kind).Write("\">").WriteEscape(notice.Text).Write("</strong>");
            renderer.Write("</span></span>");
            if (item.Item.Locator.Length > 0) renderer.Write(", ").WriteEscape(item.Item.Locator);
        }
        if (!narrative) renderer.Write(parenthesised ? ")" : "]");
        renderer.Write("</span>");
    }
}
