using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Search;

/// <summary>
/// Reads a page's main content (the body the layout puts in .page-body) into sections, with the text a
/// reader sees. Citation previews and back-links are left out: they repeat text shown elsewhere.
/// </summary>
public static class ReadSearchSections
{
    /// <summary>Elements whose content is separated from its neighbours, so "&lt;li&gt;a&lt;/li&gt;&lt;li&gt;b&lt;/li&gt;" reads "a b".</summary>
    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "li", "ul", "ol", "div", "section", "table", "tr", "td", "th", "blockquote", "pre", "dd", "dt", "br", "hr",
        "figcaption", "h4", "h5", "h6",
    };

    /// <summary>Sections of a page body as rendered from Markdown, before the layout wraps it.</summary>
    public static IReadOnlyList<SearchSection> ReadBody(string bodyHtml, string pageTitle) =>
        Read(new HtmlParser().ParseDocument("<body>" + bodyHtml + "</body>").Body!, pageTitle);

    private static IReadOnlyList<SearchSection> Read(IElement body, string pageTitle)
    {
        foreach (var skipped in body.QuerySelectorAll(".citation-preview, .backlinks, .footnote-back-ref").ToList()) skipped.Remove();

        var sections = new List<SearchSection>();
        var heading = pageTitle;
        var anchor = "";
        var text = new StringBuilder();

        void Flush()
        {
            var content = Collapse(text.ToString());
            if (content.Length > 0 || anchor.Length > 0) sections.Add(new SearchSection(heading, anchor, content));
            text.Clear();
        }

        void Walk(INode node)
        {
            if (node is IElement element)
            {
                if (element.LocalName is "h2" or "h3")
                {
                    Flush();
                    heading = Collapse(element.TextContent);
                    anchor = element.Id ?? "";
                    return;
                }
                var block = Blocks.Contains(element.LocalName);
                if (block) text.Append(' ');
                foreach (var child in element.ChildNodes) Walk(child);
                if (block) text.Append(' ');
            }
            else if (node.NodeType == NodeType.Text) text.Append(node.TextContent);
        }

        foreach (var child in body.ChildNodes) Walk(child);
        Flush();
        return sections;
    }

    private static string Collapse(string text) =>
        string.Join(' ', text.Split([' ', '\n', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries));
}
