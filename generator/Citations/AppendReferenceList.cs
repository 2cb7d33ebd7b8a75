using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// Process: ends every page that cites something with a "References" section: one entry per
/// work (numbered in order of first use, or by author for author-year), each linking back to
/// every place in the text that cites it.
/// </summary>
public sealed class AppendReferenceList : PerDocumentModule
{
    public const string SectionId = "references";

    /// <summary>The theme's markup for the list; its model is a <see cref="ReferenceListModel"/>.</summary>
    public const string Partial = "partials/reference-list.liquid";

    protected override bool ShouldProcess(Document document) => document.Citations.Count > 0;

    /// <summary>
    /// Each cited work formatted once per build: most works are cited on many pages, and formatting
    /// one (names, title, journal, identifiers as links) cost more than the rest of the list.
    /// </summary>
    private System.Collections.Concurrent.ConcurrentDictionary<Reference, string> _formatted = new(ReferenceEqualityComparer.Instance);

    public override bool Begin(IReadOnlyList<Document> documents, BuildContext context)
    {
        _formatted = new(ReferenceEqualityComparer.Instance);
        return context.Templates is not null;
    }

    /// <summary>The citations file (each entry is formatted from it) and the theme's partial.</summary>
    public override Func<Document, string>? CacheInputs(IReadOnlyList<Document> documents, BuildContext context)
    {
        var reads = BuildCache.Digest(BuildCache.InputFiles(context), context.Templates?.Digest);
        return _ => reads;
    }

    protected override Document Process(Document document, BuildContext context)
    {
        var authorYear = context.Config.CitationStyle == CitationStyle.AuthorYear;
        var entries = document.Citations.Select(c => (Citation: c, Reference: context.Citations.Find(c.Key)!));
        entries = authorYear ? entries.OrderBy(e => e.Reference.SortKey, StringComparer.Ordinal) : entries.OrderBy(e => e.Citation.Number);
        // The backlinks' arrow is decoration; their words are for screen readers, and the visible
        // number is part of the link's name, as WCAG's "label in name" asks (the partial's markup).
        var model = new ReferenceListModel(!authorYear,
            [.. entries.Select(e => new ReferenceEntry(CitationResolver.EntryId(e.Reference.Id), _formatted.GetOrAdd(e.Reference, static (r, words) => FormatReference.Html(r, words), context.Templates!.Words), e.Citation.MarkerIds)
                { Notices = NoticeLabels.For(e.Reference, context.Templates!.Words) })]);
        return document with
        {
            Content = document.Content + context.Templates!.Render(Partial, ("references", model)),
            Headings = [.. document.Headings, new Heading(2, context.Templates!.Text("references"), SectionId)],
        };
    }
}
