using SiteGen.Engine;

namespace SiteGen.Output;

/// <summary>
/// Output: the build succeeded, so the staged site replaces the output folder in one swap.
/// The pipeline skips this phase after any error, and the staging folder is then discarded.
/// </summary>
public sealed class PublishSite : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        context.Staging?.Publish();
        return documents;
    }
}
