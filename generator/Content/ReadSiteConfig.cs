using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>Reads input/site.yml into <see cref="SiteConfig"/>, reporting bad values at their line.</summary>
public static partial class ReadSiteConfig
{
    public const string FileName = SiteConfig.FileName;

    private static readonly string[] KnownKeys = ["title", "description", "language", "base_url", "repository", "edit_url", "audience", "citation_style", "checks", "review_max_age_months", "references_max_age", "mailto", "sidebar_max_entries", "sidebar_inline_max", "disclaimer", "crisis_title", "crisis_text", "crisis_lines", "citations", "strings",
        "logo", "favicon", "extra_css", "extra_js", "footer_text", "social", "colors", "colors_dark", "evidence_focus", "report_url", "reading_grade", "link_check_accept", "review_interval_months", "feedback_url", "redirects"];

    private static readonly string[] ImageTypes = [".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".avif"];
    private static readonly string[] IconTypes = [".svg", ".png", ".ico"];

    /// <param name="repositoryOverride">--repository: the repository's home page, known to CI (GitHub's github.repository), over site.yml's.</param>
    public static SiteConfig Read(SitePaths paths, Diagnostics diagnostics, string? baseUrlOverride, string? repositoryOverride = null)
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
            Repository = RepositoryOverride(repositoryOverride, diagnostics) ?? fields.WebUrl("repository"),
            ReportUrl = fields.WebUrl("report_url"),
            EditUrl = fields.WebUrl("edit_url"),
            Audience = fields.String("audience") ?? "Patient",
            CitationStyle = ReadCitationStyle(fields.String("citation_style"), diagnostics),
            CheckSeverities = ReadCheckSeverities(fields),
            ReviewIntervalMonths = Math.Clamp(fields.Int("review_interval_months") ?? fields.Int("review_max_age_months") ?? 12, 1, 120),
            FeedbackUrl = ReadFeedbackUrl(fields),
            Redirects = ReadRedirects(fields),
            ReferencesMaxAgeDays = Math.Max(1, fields.Int("references_max_age") ?? 90),
            Mailto = fields.String("mailto"),
            SidebarMaxEntries = Math.Max(0, fields.Int("sidebar_max_entries") ?? 100),
            SidebarInlineMax = Math.Max(0, fields.Int("sidebar_inline_max") ?? 60),
            Disclaimer = fields.String("disclaimer"),
            Strings = fields.Pairs("strings"),
            CitationFiles = [.. fields.StringListAt("citations").Select(f => new NamedFile(f.Value.Replace('\\', '/'), f.Line, f.Column))],
            Crisis = fields.String("crisis_title") is { } crisisTitle
                ? new CrisisHelp(crisisTitle, fields.String("crisis_text") ?? "", fields.StringList("crisis_lines"))
                : null,
            Logo = SiteFiles(fields, paths, "logo", ImageTypes, single: true).FirstOrDefault(),
            Favicon = SiteFiles(fields, paths, "favicon", IconTypes, single: true).FirstOrDefault(),
            ExtraCss = SiteFiles(fields, paths, "extra_css", [".css"]),
            ExtraJs = SiteFiles(fields, paths, "extra_js", [".js"]),
            FooterText = fields.String("footer_text"),
            EvidenceFocus = fields.String("evidence_focus"),
            ReadingGrades = ReadReadingGrades(fields),
            Social = ReadSocialLinks(fields),
            Lines = new[] { "disclaimer", "crisis_text", "crisis_lines", "footer_text" }.ToDictionary(k => k, fields.LineOf),
            Colors = ReadColors(fields, "colors"),
            ColorsDark = ReadColors(fields, "colors_dark"),
            LinkCheckAccept = ReadLinkCheckAccept(fields),
        };
        diagnostics.UseRuleSeverities(config.CheckSeverities);
        fields.RejectUnknownKeys(KnownKeys);
        return config;
    }

    /// <summary>
    /// Files of the site that site.yml names for the layout (a logo, style sheets, scripts): each a
    /// published file in input/, of a kind the key takes, or an error at its line saying what to do.
    /// </summary>
    private static List<string> SiteFiles(YamlFields fields, SitePaths paths, string key, string[] types, bool single = false)
    {
        var files = new List<string>();
        var named = fields.StringListAt(key);
        if (single && named.Count > 1)
        {
            fields.Error(named[1].Line, named[1].Column, $"'{key}' names one file, not a list.");
            named = [named[0]];
        }
        foreach (var (value, line, column) in named)
        {
            var path = value.Trim().Replace('\\', '/');
            var segments = path.Split('/');
            if (path.StartsWith('/') || !segments.All(SourceFiles.IsPublishedName))
                fields.Error(line, column, $"'{key}' must be a path inside input/ such as 'images/{Path.GetFileName(path)}', " +
                    "with no '..' and no folder or file whose name starts with '_' or '.' (those are not published).");
            else if (!types.Contains(Path.GetExtension(path).ToLowerInvariant()))
                fields.Error(line, column, $"'{key}' must name a {string.Join(", ", types)} file, not '{path}'.");
            else if (!SourceFiles.Exists(paths.InputSource(path)))
                fields.Error(line, column, $"{key} '{path}' is not a file in input/: put the file at input/{path}, or correct the path (it is relative to input/).");
            else files.Add(path);
        }
        return files;
    }

    /// <summary>'feedback_url': an http(s) or mailto: address, with {path} and {title} where the page's go.</summary>
    private static string? ReadFeedbackUrl(YamlFields fields)
    {
        if (fields.StringListAt("feedback_url") is not [var (value, line, column), ..]) return null;
        var url = value.Trim();
        var probe = url.Replace("{path}", "p").Replace("{title}", "t");
        if (Uri.TryCreate(probe, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto") return url;
        fields.Error(line, column, $"feedback_url must be an https:// or mailto: address, such as https://github.com/OWNER/REPO/issues/new?title={{title}} or mailto:editors@example.org?subject={{title}}; not '{value}'.");
        return null;
    }

    /// <summary>'redirects': old path of the site: where it now is (a page's .md path, an output path, or an http(s) address).</summary>
    private static List<(NamedFile, string)> ReadRedirects(YamlFields fields)
    {
        var redirects = new List<(NamedFile, string)>();
        foreach (var (from, to, line, column) in fields.Pairs("redirects"))
        {
            if (RedirectPaths.OutputPath(from) is not { } path)
                fields.Error(line, column, RedirectPaths.Problem(from));
            else if (string.IsNullOrWhiteSpace(to))
                fields.Error(line, column, $"redirect '{from}' needs the path it now lives at.");
            else redirects.Add((new NamedFile(path, line, column), to.Trim()));
        }
        return redirects;
    }

    /// <summary>
    /// 'link_check_accept': per host, the HTTP statuses `check --external` takes as "the page is
    /// there" (a publisher that answers 403 to every robot). A host covers its subdomains.
    /// </summary>
    private static Dictionary<string, IReadOnlyList<int>> ReadLinkCheckAccept(YamlFields fields)
    {
        var accepted = new Dictionary<string, IReadOnlyList<int>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values, line, column) in fields.PairLists("link_check_accept"))
        {
            var host = name.Trim().ToLowerInvariant();
            if (Uri.CheckHostName(host) is not (UriHostNameType.Dns or UriHostNameType.IPv4))
            {
                fields.Error(line, column, $"'{name}' is not a host name; write the host alone, such as www.nejm.org (no https:// and no path).");
                continue;
            }
            var codes = new List<int>();
            foreach (var value in values)
                if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var code) && code is >= 100 and <= 999) codes.Add(code);
                else fields.Error(line, column, $"'{value}' is not an HTTP status code; write the codes {host} answers for a page that is there, such as [403].");
            accepted[host] = codes;
        }
        return accepted;
    }

    /// <summary>'social': a name and an http(s) or mailto: address per line, shown as links in the footer.</summary>
    private static List<(string, string)> ReadSocialLinks(YamlFields fields)
    {
        var links = new List<(string, string)>();
        foreach (var (name, url, line, column) in fields.Pairs("social"))
        {
            if (Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto") links.Add((name, url.Trim()));
            else fields.Error(line, column, $"social link '{name}' must be an absolute https:// (or mailto:) address, not '{url}'.");
        }
        return links;
    }

    /// <summary>
    /// 'colors' / 'colors_dark': theme colours by custom property name. A value must be a plain CSS
    /// colour (#hex, a colour name, or rgb()/hsl()/oklch() of numbers), so nothing else reaches the style sheet.
    /// </summary>
    private static List<ThemeColor> ReadColors(YamlFields fields, string key)
    {
        var colors = new List<ThemeColor>();
        foreach (var (name, value, line, column) in fields.Pairs(key))
        {
            var property = name.Trim().TrimStart('-');
            if (!CssName().IsMatch(property))
                fields.Error(line, column, $"'{name}' is not a colour name of the theme; use the names in the theme's assets/site.css without '--', such as 'accent'.");
            else if (!CssColor().IsMatch(value.Trim()))
                fields.Error(line, column, $"'{value}' is not a CSS colour; write it as #1f5f8b, a colour name, or rgb(31 95 139).");
            else colors.Add(new ThemeColor(property, value.Trim(), line, column));
        }
        return colors;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z][a-z0-9-]{0,63}$")]
    private static partial System.Text.RegularExpressions.Regex CssName();

    [System.Text.RegularExpressions.GeneratedRegex(@"^(#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})|[a-zA-Z]{3,30}|(rgb|rgba|hsl|hsla|oklch|oklab|lab|lch)\([0-9.,%\s/+-]{1,80}\))$")]
    private static partial System.Text.RegularExpressions.Regex CssColor();

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

    /// <summary>'reading_grade': the target grade per audience ("Patient: 8"); without it, 8 for Patient pages.</summary>
    private static Dictionary<string, double> ReadReadingGrades(YamlFields fields)
    {
        var pairs = fields.Pairs("reading_grade");
        if (pairs.Count == 0) return new() { ["Patient"] = 8 };
        var grades = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (audience, value, line, column) in pairs)
        {
            if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var grade) && grade is > 0 and < 30)
                grades[audience] = grade;
            else fields.Error(line, column, $"reading_grade for '{audience}' must be a grade such as 8, not '{value}'.");
        }
        return grades;
    }

    private static string? RepositoryOverride(string? value, Diagnostics diagnostics)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http") return value.Trim().TrimEnd('/');
        diagnostics.Error($"--repository '{value}' must be an absolute https:// URL such as https://github.com/OWNER/REPO.");
        return null;
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
