namespace SiteGen.Engine;

/// <summary>
/// The one module contract: documents in, documents out. A module that only checks returns its
/// input unchanged and reports into <see cref="BuildContext.Diagnostics"/>.
/// </summary>
public interface IModule
{
    IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context);
}
