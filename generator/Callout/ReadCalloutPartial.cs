namespace SiteGen.Callout;

/// <summary>
/// Settings: the evidence-limitations partial must exist and say something, because every page
/// carries it. Checked before anything else is built, so a new site missing it gets one error
/// naming the file and what to write in it, not one error for every page without its callout.
/// </summary>
public sealed class ReadCalloutPartial : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        CalloutPartial.Load(context);
        return documents;
    }
}
