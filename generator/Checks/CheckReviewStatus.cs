namespace SiteGen.Checks;

/// <summary>
/// A page written for patients that is published as a draft (front matter 'review_status: draft')
/// gets a 'draft-page' warning; `check --strict` fails on it, so a draft cannot be published
/// from CI by accident.
/// </summary>
public sealed class CheckReviewStatus : IModule
{
    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        foreach (var page in documents.Where(d => d.Kind == DocumentKind.Page && d.Meta.ReviewStatus == "draft"))
            if ((page.Meta.Audience ?? context.Config.Audience) == "Patient")
                context.Diagnostics.Report(CheckRule.DraftPage, page.SourcePath, 1, 1,
                    "this page for patients is marked 'review_status: draft'; have it checked, then set review_status to editor-checked or clinician-reviewed.");
        return documents;
    }
}
