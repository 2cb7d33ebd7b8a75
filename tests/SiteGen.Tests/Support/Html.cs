using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Tests.Support;

public static class Html
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
