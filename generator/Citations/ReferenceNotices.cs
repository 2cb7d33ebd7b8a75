using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>
/// What the site says about a work with a notice: a retraction or withdrawal is an error
/// (retracted-reference) unless the entry's note says why it is still cited
/// ('retraction_acknowledged: ...'); an expression of concern or a correction is a warning
/// (corrected-reference). `refs verify` and every build say the same, the build from the lock.
/// </summary>
public static class ReferenceNotices
{
    public static void Report(Reference reference, Diagnostics diagnostics)
    {
        foreach (var notice in reference.Notices)
        {
            var details = Details(notice);
            if (notice.Withdraws)
            {
                if (reference.Evidence.RetractionAcknowledged is not null) continue;
                diagnostics.Report(CheckRule.RetractedReference, reference.SourceFile, reference.SourceLine, 1,
                    $"citation '{reference.Id}' was {Past(notice.Kind)}{details}; stop citing it, or say in its note why a page still does " +
                    "('retraction_acknowledged: discussed as an example of ...').");
            }
            else
                diagnostics.Report(CheckRule.CorrectedReference, reference.SourceFile, reference.SourceLine, 1,
                    $"citation '{reference.Id}' has {(notice.Kind == ReferenceNotice.Correction ? "a correction" : "an expression of concern")}{details}; " +
                    "read it and check that what the site says still holds.");
        }
    }

    private static string Past(string kind) => kind == ReferenceNotice.Retraction ? "retracted" : "withdrawn";

    private static string Details(ReferenceNotice notice)
    {
        var parts = new List<string>();
        if (notice.Doi is { } doi) parts.Add($"notice {doi}");
        if (notice.Date is { } date) parts.Add(date);
        return parts.Count == 0 ? "" : $" ({string.Join(", ", parts)})";
    }
}
