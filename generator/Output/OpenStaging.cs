namespace SiteGen.Output;

/// <summary>
/// Read, in builds that write the site: opens the staging folder beside the output folder, which
/// the steps that write fill and <see cref="PublishSite"/> swaps in (<see cref="SiteStaging"/>).
/// </summary>
public sealed class OpenStaging : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        context.Staging = SiteStaging.Create(context.Paths.Output);
        return documents;
    }
}
