using System.Text.RegularExpressions;
using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>
/// `check --base REF`: a page whose text changed since the base commit, while neither its
/// 'reviewed' date nor its 'changes:' log did, is an error (unreviewed-change): every change to
/// medical content is either reviewed or at least logged. The base is the input folder as the
/// commit had it; a page new since then has nothing to compare with.
/// </summary>
public sealed partial class CheckUnreviewedChanges(string baseInput, string baseName) : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var quiet = new Diagnostics();
        foreach (var page in documents.Where(d => d.Kind == DocumentKind.Page).OrderBy(d => d.SourcePath, StringComparer.Ordinal))
        {
            var before = Path.Combine(baseInput, page.SourcePath.Replace('/', Path.DirectorySeparatorChar));
            var now = context.Paths.InputFile(page.SourcePath);
            if (!File.Exists(before) || !File.Exists(now)) continue;
            // The page's front matter was read by the build; only the base's is read here, and the two bodies.
            if (FrontMatter.Read(Normalised(File.ReadAllText(before)), page.SourcePath, quiet) is not var (oldMeta, oldBody, _)) continue;
            var meta = page.Meta;
            if (oldMeta.Reviewed != meta.Reviewed || !SameChanges(oldMeta.Changes, meta.Changes)) continue;
            var body = FrontMatter.Split(Normalised(File.ReadAllText(now))).Body;
            if (Spaces().Replace(oldBody, " ").Trim() == Spaces().Replace(body, " ").Trim()) continue;
            context.Diagnostics.Report(CheckRule.UnreviewedChange, page.SourcePath, meta.ReviewedLine, 1,
                $"the page's text changed since {baseName}, but neither 'reviewed' nor 'changes:' did; add a 'changes:' entry saying what changed " +
                "('type: clinical' when it changes what readers are told about health, and then review the page), or 'type: editorial' for wording and links.");
        }
        return documents;
    }

    private static bool SameChanges(IReadOnlyList<PageChange> a, IReadOnlyList<PageChange> b) =>
        a.Select(c => (c.Date, c.Summary, c.Type)).SequenceEqual(b.Select(c => (c.Date, c.Summary, c.Type)));

    private static string Normalised(string text) => text.Replace("\r\n", "\n");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
