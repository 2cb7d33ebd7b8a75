using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>Splits a page into its YAML front matter and its Markdown body.</summary>
public static class FrontMatter
{
    public static readonly string[] KnownKeys = ["title", "description", "order", "reviewed", "reviewers", "tags", "limitations", "nav_title", "review_status", "audience",
        "review_interval_months", "changes", "redirect_from"];

    /// <param name="text">The page with LF line endings.</param>
    /// <returns>The YAML (or null when there is none), the body, and the 1-based line the body starts on.</returns>
    public static (string? Yaml, string Body, int BodyLine, bool Unclosed) Split(string text)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text != "---") return (null, text, 1, false);
        var line = 2;
        var position = 4;
        while (position <= text.Length)
        {
            var end = text.IndexOf('\n', position);
            var current = end < 0 ? text[position..] : text[position..end];
            if (current.TrimEnd() is "---" or "...")
            {
                var yaml = text[4..position];
                var body = end < 0 ? "" : text[(end + 1)..];
                return (yaml, body, line + 1, false);
            }
            if (end < 0) break;
            position = end + 1;
            line++;
        }
        return (null, text, 1, true);
    }

    /// <summary>
    /// Reads a page or partial: its front matter (if any) and its body. Null, with an error, when
    /// the front matter is never closed.
    /// </summary>
    public static (PageMeta Meta, string Body, int BodyLine)? Read(string text, string file, Diagnostics diagnostics)
    {
        var (yaml, body, bodyLine, unclosed) = Split(text);
        if (unclosed)
        {
            diagnostics.Error(file, 1, 1, "front matter starts with '---' but is never closed; add a line with '---' after the last key.");
            return null;
        }
        return (yaml is null ? PageMeta.Empty : Parse(yaml, file, diagnostics), body, bodyLine);
    }

    private static string? ReviewStatus(YamlFields fields)
    {
        var status = fields.StringListAt("review_status");
        if (status.Count == 0) return null;
        var (value, line, column) = status[0];
        if (PageMeta.ReviewStatuses.Contains(value.Trim())) return value.Trim();
        fields.Error(line, column, $"review_status '{value}' is not known; use one of {string.Join(", ", PageMeta.ReviewStatuses)}" +
            (Suggest.Closest(value, PageMeta.ReviewStatuses) is { } near ? $" (did you mean '{near}'?)." : "."));
        return null;
    }

    private static int? ReviewInterval(YamlFields fields)
    {
        var months = fields.Int("review_interval_months");
        if (months is null or (>= 1 and <= 120)) return months;
        fields.Error(fields.LineOf("review_interval_months"), 1, $"review_interval_months must be a number of months from 1 to 120, not {months}.");
        return null;
    }

    /// <summary>
    /// 'changes': the page's change log, newest first, each with a date, a summary and a type
    /// (clinical or editorial). A missing field, a date after today or out of order is an error at its line.
    /// </summary>
    private static List<PageChange> Changes(YamlFields fields)
    {
        var changes = new List<PageChange>();
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1); // an editor ahead of UTC may write their today
        foreach (var (record, line, column) in fields.RecordsAt("changes", "summary", ["date", "summary", "type"]))
        {
            if (!record.TryGetValue("date", out var text) ||
                !IsoDate.TryParse(text.AsSpan().Trim(), out var date))
            {
                fields.Error(line, column, "each change needs 'date: YYYY-MM-DD', the day it was published" + (text is null ? "." : $", not '{text}'."));
                continue;
            }
            if (record.GetValueOrDefault("type")?.Trim() is not { } type || !PageChange.Types.Contains(type))
            {
                fields.Error(line, column, $"each change needs 'type: clinical' (what a reader is told about health changed) or 'type: editorial' (wording, layout, links)" +
                    (record.GetValueOrDefault("type") is { } wrong ? $", not '{wrong}'." : "."));
                continue;
            }
            if (date > tomorrow)
                fields.Error(line, column, $"the change dated {date:yyyy-MM-dd} is in the future; date it the day it is published.");
            else if (changes.Count > 0 && date > changes[^1].Date)
                fields.Error(line, column, $"changes are listed newest first, but {date:yyyy-MM-dd} comes after {changes[^1].Date:yyyy-MM-dd}; move it up.");
            changes.Add(new PageChange(date, record["summary"].Trim(), type, line));
        }
        return changes;
    }

    /// <summary>'redirect_from': the page's old paths, each a path inside the site ("old-name.html", "old/folder/").</summary>
    private static List<NamedFile> RedirectFrom(YamlFields fields)
    {
        var paths = new List<NamedFile>();
        foreach (var (value, line, column) in fields.StringListAt("redirect_from"))
            if (RedirectPaths.OutputPath(value) is { } path) paths.Add(new NamedFile(path, line, column));
            else fields.Error(line, column, RedirectPaths.Problem(value));
        return paths;
    }

    /// <summary>Reads the YAML into <see cref="PageMeta"/>; the YAML starts on line 2 of the file.</summary>
    public static PageMeta Parse(string yaml, string file, Diagnostics diagnostics)
    {
        var fields = YamlFields.Parse(yaml, file, lineOffset: 1, diagnostics, "front matter");
        if (fields is null) return PageMeta.Empty;
        var meta = new PageMeta
        {
            Title = fields.String("title"),
            Description = fields.String("description"),
            Order = fields.Int("order"),
            Reviewed = fields.Date("reviewed"),
            ReviewedLine = Math.Max(1, fields.LineOf("reviewed")),
            Reviewers = [.. fields.Records("reviewers", "name", ["name", "role", "credentials"])
                .Select(r => new Reviewer(r["name"], r.GetValueOrDefault("role"), r.GetValueOrDefault("credentials")))],
            ReviewStatus = ReviewStatus(fields),
            Audience = fields.String("audience"),
            Tags = fields.StringList("tags"),
            Limitations = fields.StringList("limitations"),
            NavTitle = fields.String("nav_title"),
            ReviewIntervalMonths = ReviewInterval(fields),
            Changes = Changes(fields),
            RedirectFrom = RedirectFrom(fields),
        };
        fields.RejectUnknownKeys(KnownKeys);
        return meta;
    }
}
