using SiteGen.Engine;

namespace SiteGen.Citations;

/// <summary>A reference's notices in the theme's words ('notice_retraction': "Retracted {date}"), linked to each notice's DOI.</summary>
public static class NoticeLabels
{
    public static IReadOnlyList<NoticeLabel> For(Reference reference, Words words) =>
        [.. reference.Notices.Select(notice => new NoticeLabel(notice.Kind,
            words.Format("notice_" + notice.Kind.Replace('-', '_'), ("date", Date(notice.Date, words))).Trim(),
            notice.Doi is { } doi ? "https://doi.org/" + doi : null))];

    private static string Date(string? date, Words words) =>
        IsoDate.TryParse(date, out var day) ? words.Date(day) : date ?? "";
}
