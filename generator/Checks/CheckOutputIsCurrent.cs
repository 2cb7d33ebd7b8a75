using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// `sitegen check` checks the site as the sources describe it; this warns when the built output
/// folder no longer matches them, so a stale folder is not published by mistake.
/// </summary>
public sealed class CheckOutputIsCurrent : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var output = context.Paths.Output;
        var shown = context.Paths.Display(output); // as the user would type it
        if (!Directory.Exists(output))
        {
            context.Diagnostics.Report(CheckRule.StaleOutput, "", 0, 0, $"the output folder '{shown}' does not exist yet; run 'sitegen build' first.");
            return documents;
        }
        var differing = documents.Where(d => d.OutputPath.Length > 0 && d.CopyFrom is null).Count(d =>
        {
            var file = Path.Combine(output, d.OutputPath);
            return !File.Exists(file) || File.ReadAllText(file) != d.Text;
        });
        if (differing > 0)
            context.Diagnostics.Report(CheckRule.StaleOutput, "", 0, 0,
                $"{differing} file{(differing == 1 ? "" : "s")} in '{shown}' do{(differing == 1 ? "es" : "")} not match the sources; run 'sitegen build' again before publishing.");
        return documents;
    }
}
