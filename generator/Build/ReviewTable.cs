using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using SiteGen.Checks;

namespace SiteGen.Build;

/// <summary>One page's place in the review cycle, as `sitegen review` lists it.</summary>
/// <param name="Status">"not reviewed", "overdue", "due soon" (within 30 days) or "current".</param>
/// <param name="DaysLeft">Days until the review is due; negative when overdue; null when never reviewed.</param>
public sealed record ReviewRow(string Page, string Title, string Status, DateOnly? Reviewed, IReadOnlyList<string> Reviewers, DateOnly? NextDue, int? DaysLeft, string? ReviewStatus);

/// <summary>
/// `sitegen review`: every page's review (status, last reviewed, reviewers, next due), the most
/// urgent first, as a table, JSON, or GitHub annotations. It runs the checks `check` runs on the
/// same pages, so the findings and their severities are the same; only the date is today's
/// (or --today).
/// </summary>
public static class ReviewTable
{
    public static readonly string[] Formats = ["text", "json", "github"];

    private static readonly string[] Urgency = ["not reviewed", "overdue", "due soon", "current"];

    public static (BuildResult Check, IReadOnlyList<ReviewRow> Rows) Run(BuildOptions options, DateOnly today, Log log)
    {
        var check = SiteChecker.Check(options, external: null, log, today);
        var config = check.Config;
        var rows = check.Documents.Where(d => d.Kind == DocumentKind.Page).Select(page =>
        {
            var due = config is null ? null : page.Meta.NextReview(config);
            int? days = due is { } d ? d.DayNumber - today.DayNumber : null;
            var status = days switch
            {
                null => "not reviewed",
                < 0 => "overdue",
                <= CheckReviewDates.DueSoonDays => "due soon",
                _ => "current",
            };
            return new ReviewRow(check.DisplayPath(page.SourcePath), page.Title, status, page.Meta.Reviewed, [.. page.Meta.Reviewers.Select(r => r.Name)], due, days, page.Meta.ReviewStatus);
        })
        .OrderBy(r => Array.IndexOf(Urgency, r.Status)).ThenBy(r => r.DaysLeft ?? int.MinValue).ThenBy(r => r.Page, StringComparer.Ordinal).ToList();
        return (check, rows);
    }

    public static string Format(IReadOnlyList<ReviewRow> rows, IReadOnlyList<Diagnostic> findings, string format) => format switch
    {
        "json" => Json(rows),
        "github" => FindingsReport.Format([.. findings.Where(f => f.Rule is CheckRule.ReviewOverdue or CheckRule.ReviewDue)], "github"),
        _ => Text(rows),
    };

    private static string Text(IReadOnlyList<ReviewRow> rows)
    {
        string[] header = ["status", "next due", "last reviewed", "reviewers", "page"];
        var cells = rows.Select(r => new[]
        {
            r.Status + (r.DaysLeft is { } days ? days < 0 ? $" ({-days} d)" : r.Status == "due soon" ? $" (in {days} d)" : "" : ""),
            Day(r.NextDue), Day(r.Reviewed), r.Reviewers.Count == 0 ? "-" : string.Join("; ", r.Reviewers), r.Page,
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Select(c => c[i].Length).DefaultIfEmpty(0).Max())).ToArray();
        var text = new StringBuilder();
        foreach (var line in cells.Prepend(header))
            text.AppendJoin("  ", line.Select((cell, i) => i == line.Length - 1 ? cell : cell.PadRight(widths[i]))).Append('\n');
        return text.ToString();
    }

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";

    private static string Json(IReadOnlyList<ReviewRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartArray();
            foreach (var row in rows)
            {
                json.WriteStartObject();
                json.WriteString("page", row.Page);
                json.WriteString("title", row.Title);
                json.WriteString("status", row.Status);
                if (row.Reviewed is { } reviewed) json.WriteString("last_reviewed", Day(reviewed)); else json.WriteNull("last_reviewed");
                json.WriteStartArray("reviewers");
                foreach (var reviewer in row.Reviewers) json.WriteStringValue(reviewer);
                json.WriteEndArray();
                if (row.NextDue is { } due) json.WriteString("next_due", Day(due)); else json.WriteNull("next_due");
                if (row.DaysLeft is { } days) json.WriteNumber("days_left", days); else json.WriteNull("days_left");
                if (row.ReviewStatus is { } status) json.WriteString("review_status", status);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
