using System.Text;
using System.Xml;
using System.Xml.Linq;
using SiteGen.Engine;

namespace SiteGen.Html;

/// <summary>
/// Process: an .svg file in input/ is a document a browser runs when it is opened on its own, on
/// the site's origin, so it is published only after cleaning. It is read as XML with no DTD (no
/// entity bombs, no external entities) and written afresh from the tree with a safe set of SVG
/// elements: no script, foreignObject or animation (which can set a link to javascript:), no event
/// handlers, no links or references outside the file but '#ids' (and http(s) for &lt;a&gt;), no
/// style that loads a URL. Each removal is an unsafe-html warning naming the file.
/// </summary>
public sealed class SanitizeSvgFiles : PerDocumentModule
{
    private static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "symbol", "use", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
        "textPath", "title", "desc", "metadata", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix", "feDiffuseLighting",
        "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
        "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset", "fePointLight", "feSpecularLighting",
        "feSpotLight", "feTile", "feTurbulence", "a", "image", "style", "switch",
    };

    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly XNamespace XLink = "http://www.w3.org/1999/xlink";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = SourceFiles.MaxTextBytes,
    };

    protected override bool ShouldProcess(Document document) =>
        document.Kind == DocumentKind.CopiedFile && document.SourcePath.Length > 0 &&
        document.SourcePath.EndsWith(".svg", StringComparison.OrdinalIgnoreCase);

    protected override Document Process(Document document, BuildContext context)
    {
        if (SourceFiles.ReadBytes(document.CopyFrom!, document.SourcePath, context.Diagnostics, SourceFiles.MaxTextBytes) is not { } bytes)
            return document with { OutputPath = "" };
        var removed = new List<string>();
        string clean;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes), Settings);
            var svg = XDocument.Load(reader);
            if (svg.Root is not { } root || root.Name != Svg + "svg")
            {
                context.Diagnostics.Error(document.SourcePath, 1, 1, "this .svg file has no <svg> root in the SVG namespace; export it again as plain SVG.");
                return document with { OutputPath = "" };
            }
            foreach (var node in svg.Nodes().Where(n => n is not XElement).ToList()) node.Remove(); // processing instructions, comments
            Clean(root, removed);
            clean = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + root.ToString(SaveOptions.DisableFormatting) + "\n";
        }
        catch (XmlException ex)
        {
            context.Diagnostics.Error(document.SourcePath, ex.LineNumber, ex.LinePosition,
                $"this .svg file is not well-formed XML, or declares a DTD, which is not allowed: {ex.Message}");
            return document with { OutputPath = "" };
        }
        if (removed.Count > 0)
            context.Diagnostics.Report(CheckRule.UnsafeHtml, document.SourcePath, 1, 1,
                $"removed {string.Join(", ", removed.Distinct())} from this SVG file; an SVG may draw, not run code or load other files.");
        return document with { Kind = DocumentKind.GeneratedFile, CopyFrom = null, Content = clean };
    }

    private static void Clean(XElement element, List<string> removed)
    {
        foreach (var node in element.Nodes().ToList())
        {
            if (node is XElement child)
            {
                if (child.Name.Namespace != Svg || !Elements.Contains(child.Name.LocalName))
                {
                    removed.Add($"<{child.Name.LocalName}>");
                    child.Remove();
                    continue;
                }
                Clean(child, removed);
            }
            else if (node is XProcessingInstruction or XComment) node.Remove();
            else if (node is XText text && element.Name.LocalName == "style" && UnsafeStyle(text.Value))
            {
                removed.Add("a style that loads a URL");
                text.Remove();
            }
        }
        foreach (var attribute in element.Attributes().ToList())
        {
            if (attribute.IsNamespaceDeclaration) continue;
            var name = attribute.Name.LocalName;
            var problem =
                name.StartsWith("on", StringComparison.OrdinalIgnoreCase) ? $"the {name} attribute" :
                name == "href" && !SafeReference(element.Name.LocalName, attribute.Value) ? $"the link to '{attribute.Value}'" :
                attribute.Name.Namespace != XNamespace.None && attribute.Name.Namespace != XLink && attribute.Name.Namespace != XNamespace.Xml
                    ? $"the {name} attribute" :
                UnsafeStyle(attribute.Value) ? "a style that loads a URL" : null;
            if (problem is null) continue;
            removed.Add(problem);
            attribute.Remove();
        }
    }

    /// <summary>A reference inside the file ('#id'); for &lt;a&gt; also a web link; for &lt;image&gt; an embedded picture.</summary>
    private static bool SafeReference(string element, string value)
    {
        var url = value.Trim();
        if (url.StartsWith('#')) return true;
        if (element == "a") return UrlPaths.Scheme(url) is "http" or "https";
        return element == "image" && (url.StartsWith("data:image/png;", StringComparison.OrdinalIgnoreCase) ||
                                      url.StartsWith("data:image/jpeg;", StringComparison.OrdinalIgnoreCase) ||
                                      url.StartsWith("data:image/webp;", StringComparison.OrdinalIgnoreCase) ||
                                      url.StartsWith("data:image/gif;", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>CSS that can fetch or run something: url() other than url(#id), @import, expression(), javascript:.</summary>
    private static bool UnsafeStyle(string css)
    {
        var compact = new StringBuilder(css.Length);
        foreach (var c in css) if (!char.IsWhiteSpace(c) && c != '\\') compact.Append(char.ToLowerInvariant(c));
        var text = compact.ToString();
        for (var at = text.IndexOf("url(", StringComparison.Ordinal); at >= 0; at = text.IndexOf("url(", at + 4, StringComparison.Ordinal))
        {
            var rest = text.AsSpan(at + 4).TrimStart("'\"");
            if (!rest.StartsWith("#")) return true;
        }
        return text.Contains("@import", StringComparison.Ordinal) || text.Contains("expression(", StringComparison.Ordinal) ||
               text.Contains("javascript:", StringComparison.Ordinal);
    }
}
