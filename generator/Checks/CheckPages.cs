using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// Post-process: reads every built page once and runs the build's checks over what it found.
/// Checks only report; they never change a document.
/// </summary>
public sealed class CheckPages : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        // Pages the layout could not produce (a theme error, reported already) are not checked again.
        var pages = documents.Where(d => d.IsHtmlPage && d.Content.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)).ToList();
        var facts = new PageFacts[pages.Count];
        Parallel.For(0, pages.Count, context.Parallelism, i => facts[i] = PageFacts.Read(pages[i]));
        CheckCallouts.Run(facts, context);
        CheckLinks.Run(facts, documents, context);
        CheckStructure.Run(facts, context);
        return documents;
    }
}
