using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace SiteGen.Tests.Support;

public static class Dom
{
    public static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);
}
