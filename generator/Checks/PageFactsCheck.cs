namespace SiteGen.Checks;

/// <summary>
/// A check over what <see cref="ReadPageFacts"/> found in every built page: it reads the facts
/// and reports; it never changes a document.
/// </summary>
public abstract class PageFactsCheck : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        Check(documents.Where(d => d.Facts is not null).Select(d => (d, d.Facts!)).ToList(), context);
        return documents;
    }

    protected abstract void Check(IReadOnlyList<(Document Page, PageFacts Facts)> pages, BuildContext context);
}
