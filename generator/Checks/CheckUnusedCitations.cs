using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>Post-process: warns about entries of the citations file that no page cites.</summary>
public sealed class CheckUnusedCitations : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var cited = documents.SelectMany(d => d.Citations).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in context.Citations.All.Where(r => !cited.Contains(r.Id)))
            context.Diagnostics.Report(CheckRule.UnusedCitation, reference.SourceFile, reference.SourceLine, 1,
                $"citation '{reference.Id}' is not cited by any page; cite it or remove it from the citations file.");
        return documents;
    }
}
