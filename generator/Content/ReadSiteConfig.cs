using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>Reads input/site.yml into <see cref="SiteConfig"/>, reporting bad values at their line.</summary>
public static class ReadSiteConfig
{
    public const string FileName = SiteConfig.FileName;

    private static readonly string[] KnownKeys = ["title", "description", "language", "base_url", "repository", "edit_url", "audience", "citation_style", "checks", "review_max_age_months", "sidebar_max_entries", "disclaimer", "crisis_title", "crisis_text", "crisis_lines", "citations", "strings"];

    public static SiteConfig Read(SitePaths paths, Diagnostics diagnostics, string? baseUrlOverride)
    {
        var file = paths.InputSource(FileName);
        var config = new SiteConfig();
        if (!SourceFiles.Exists(file))
        {
            diagnostics.Error(FileName, 0, 0, $"missing {FileName}: create it with at least 'title:' (see README.md).");
            return config;
        }
        var text = TextDecoding.Read(file, FileName, diagnostics);
        if (text is null) return config;
        var fields = YamlFields.Parse(text, FileName, 0, diagnostics, FileName);
        if (fields is null) return config;

        config = config with
        {
            Title = fields.String("title") ?? config.Title,
            Description = fields.String("description") ?? "",
            Language = fields.String("language") ?? "en",
            BaseUrl = NormalizeBaseUrl(baseUrlOverride ?? fields.String("base_url"), diagnostics),
            Repository = fields.WebUrl("repository"),
            EditUrl = fields.WebUrl("edit_url"),
            Audience = fields.String("audience") ?? "Patient",
            CitationStyle = ReadCitationStyle(fields.String("citation_style"), diagnostics),
            CheckSeverities = ReadCheckSeverities(fields),
            ReviewMaxAgeMonths = fields.Int("review_max_age_months") ?? 12,
            SidebarMaxEntries = Math.Max(0, fields.Int("sidebar_max_entries") ?? 100),
            Disclaimer = fields.String("disclaimer"),
            Strings = fields.Pairs("strings"),
            CitationFiles = [.. fields.StringListAt("citations").Select(f => new NamedFile(f.Value.Replace('\\', '/'), f.Line, f.Column))],
            Crisis = fields.String("crisis_title") is { } crisisTitle
                ? new CrisisHelp(crisisTitle, fields.String("crisis_text") ?? "", fields.StringList("crisis_lines"))
                : null,
        };
        diagnostics.UseRuleSeverities(config.CheckSeverities);
        fields.RejectUnknownKeys(KnownKeys);
        return config;
    }

    private static Dictionary<string, Severity?> ReadCheckSeverities(YamlFields fields)
    {
        var severities = new Dictionary<string, Severity?>(StringComparer.Ordinal);
        foreach (var (rule, value, line, column) in fields.Pairs("checks"))
        {
            if (!CheckRule.Defaults.ContainsKey(rule))
            {
                var suggestion = Suggest.Closest(rule, CheckRule.Defaults.Keys);
                fields.Error(line, column, $"unknown check '{rule}'" + (suggestion is null
                    ? $"; known checks: {string.Join(", ", CheckRule.Defaults.Keys.Order())}." : $" (did you mean '{suggestion}'?)"));
                continue;
            }
            switch (value.Trim().ToLowerInvariant())
            {
                case "error": severities[rule] = Severity.Error; break;
                case "warning": severities[rule] = Severity.Warning; break;
                case "off": severities[rule] = null; break;
                default: fields.Error(line, column, $"check '{rule}' must be 'error', 'warning' or 'off', not '{value}'."); break;
            }
        }
        return severities;
    }

    private static CitationStyle ReadCitationStyle(string? value, Diagnostics diagnostics)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "" or "numeric" or "vancouver": return CitationStyle.Numeric;
            case "author-year": return CitationStyle.AuthorYear;
            default:
                diagnostics.Error(FileName, 0, 0, $"citation_style '{value}' is not known; use 'numeric' or 'author-year'.");
                return CitationStyle.Numeric;
        }
    }

    private static string? NormalizeBaseUrl(string? value, Diagnostics diagnostics)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != "https" && uri.Scheme != "http"))
        {
            diagnostics.Error(FileName, 0, 0, $"base_url '{value}' must be an absolute http(s) URL such as https://example.org/docs/.");
            return null;
        }
        return value.EndsWith('/') ? value : value + "/";
    }
}
