using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using SiteGen.Engine;
using SiteGen.Generated;

namespace SiteGen.Output;

/// <summary>
/// Gather: feed.xml, an Atom 1.0 feed of the clinical changes the pages log, newest first, so
/// clinicians can subscribe. Its dates are the changes' own (no build time), its ids are derived
/// from the site, the page and the change, so the same input gives the same feed; links are
/// relative to the feed, so it works wherever the site is published.
/// </summary>
public sealed class GenerateFeed : IModule
{
    public const string OutputPath = "feed.xml";
    private const string Atom = "http://www.w3.org/2005/Atom";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var changes = AddWhatsNewPage.Changes(documents);
        if (changes.Count == 0 || context.Templates is not { } templates) return documents;
        var clinical = changes.Where(c => c.Change.IsClinical).ToList();
        var config = context.Config;
        var words = templates.Words;

        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", Atom);
            xml.WriteAttributeString("xml", "lang", null, config.Language);
            xml.WriteElementString("title", Atom, words.Format("feed_title", ("site", config.Title)));
            xml.WriteElementString("subtitle", Atom, words.Text("feed_subtitle"));
            xml.WriteElementString("id", Atom, Id(config, "feed"));
            xml.WriteElementString("updated", Atom, Timestamp((clinical.Count > 0 ? clinical : changes)[0].Change.Date));
            Link(xml, "alternate", "text/html", AddWhatsNewPage.OutputPath);
            if (UrlPaths.Absolute(config.BaseUrl, OutputPath) is { } self) Link(xml, "self", "application/atom+xml", self);
            xml.WriteStartElement("author", Atom);
            xml.WriteElementString("name", Atom, config.Title);
            xml.WriteEndElement();
            xml.WriteElementString("generator", Atom, "sitegen");
            foreach (var group in clinical.GroupBy(c => (c.Page.OutputPath, c.Change.Date)))
                foreach (var (change, index) in group.Select((c, i) => (c, i)))
                {
                    xml.WriteStartElement("entry", Atom);
                    xml.WriteElementString("title", Atom, $"{change.Page.Title}: {change.Change.Summary}");
                    xml.WriteElementString("id", Atom, Id(config, $"{change.Page.OutputPath}\n{change.Change.Date:yyyy-MM-dd}\n{index}"));
                    xml.WriteElementString("updated", Atom, Timestamp(change.Change.Date));
                    Link(xml, "alternate", "text/html", UrlPaths.Escape(change.Page.OutputPath));
                    xml.WriteElementString("summary", Atom, change.Change.Summary);
                    xml.WriteStartElement("category", Atom);
                    xml.WriteAttributeString("term", PageChange.Clinical);
                    xml.WriteEndElement();
                    xml.WriteEndElement();
                }
            xml.WriteEndElement();
        }
        context.FeedPath = OutputPath;
        return [.. documents, new Document
        {
            SourcePath = "", OutputPath = OutputPath, Kind = DocumentKind.GeneratedFile, Content = Encoding.UTF8.GetString(buffer.ToArray()) + "\n",
        }];
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", Atom);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    /// <summary>A change is dated by its day: midnight UTC of it, as Atom's date-time wants.</summary>
    private static string Timestamp(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    /// <summary>A name-based UUID (RFC 9562 version 5) of the site and what it names: stable from build to build, unique to the site.</summary>
    private static string Id(SiteConfig config, string name)
    {
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes($"sitegen-feed\n{config.Title}\n{name}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        var hex = Convert.ToHexStringLower(hash, 0, 16);
        return $"urn:uuid:{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
