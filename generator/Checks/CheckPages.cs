using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// Post-process: runs the build's checks over what <see cref="ReadPageFacts"/> found in every
/// built page. Checks only report; they never change a document.
/// </summary>
public sealed class CheckPages : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var pages = documents.Where(d => d.Facts is not null).Select(d => (d, d.Facts!)).ToList();
        CheckCallouts.Run(pages, context);
        CheckLinks.Run(pages, context);
        CheckStructure.Run(pages, context);
        return documents;
    }
}
