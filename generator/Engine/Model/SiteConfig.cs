namespace SiteGen.Engine;

/// <summary>Settings from input/site.yml (documented in README.md).</summary>
public sealed record SiteConfig
{
    /// <summary>The settings file in input/.</summary>
    public const string FileName = "site.yml";

    public string Title { get; init; } = "Untitled site";
    public string Description { get; init; } = "";
    public string Language { get; init; } = "en";

    /// <summary>Absolute URL the site is published at, ending in '/'; used only for canonical links and the sitemap.</summary>
    public string? BaseUrl { get; init; }

    /// <summary>Repository home page, linked from the footer.</summary>
    public string? Repository { get; init; }

    /// <summary>
    /// Where readers report a problem (site.yml 'report_url'): each page links to it with the page's
    /// title. Without it, a GitHub repository's new-issue form is used.
    /// </summary>
    public string? ReportUrl { get; init; }

    /// <summary>The report address pages link to: 'report_url', or the new-issue form of a GitHub repository; null for none.</summary>
    public string? ReportAddress => ReportUrl ?? (Repository is { } repository && repository.StartsWith("https://github.com/", StringComparison.OrdinalIgnoreCase)
        ? repository.TrimEnd('/') + "/issues/new" : null);

    /// <summary>Prefix that, followed by a page's input-relative path, opens it in the host's editor.</summary>
    public string? EditUrl { get; init; }

    /// <summary>How citations appear in the text: numbered (the default) or author-year.</summary>
    public CitationStyle CitationStyle { get; init; } = CitationStyle.Numeric;

    /// <summary>Severity of each named check (site.yml 'checks:'); null turns a check off.</summary>
    public IReadOnlyDictionary<string, Severity?> CheckSeverities { get; init; } = new Dictionary<string, Severity?>();

    /// <summary>
    /// Months between a page's reviews unless its front matter says otherwise (site.yml
    /// 'review_interval_months'; 'review_max_age_months' is its older name): a page is due again
    /// this long after its 'reviewed' date.
    /// </summary>
    public int ReviewIntervalMonths { get; init; } = 12;

    /// <summary>
    /// Where readers report a problem with a page (site.yml 'feedback_url'), with {path} and {title}
    /// standing for the page's path and title: a new-issue form, a web form or a mailto: address.
    /// </summary>
    public string? FeedbackUrl { get; init; }

    /// <summary>Old paths of the site and where they now are (site.yml 'redirects'), each with its position.</summary>
    public IReadOnlyList<(NamedFile From, string To)> Redirects { get; init; } = [];

    /// <summary>Days after which `check` says the citations lock is old ('references_max_age').</summary>
    public int ReferencesMaxAgeDays { get; init; } = 90;

    /// <summary>A contact address sent to the registries with each request ('mailto'; Crossref's polite pool).</summary>
    public string? Mailto { get; init; }

    /// <summary>
    /// Longest list the sidebar shows for one section (site.yml 'sidebar_max_entries'; 0 shows all).
    /// A longer section shows the block of entries around the current page, with links to the
    /// blocks before and after: a list of hundreds helps no reader and weighs on every page.
    /// </summary>
    public int SidebarMaxEntries { get; init; } = 100;

    /// <summary>
    /// Longest sidebar a page carries in itself (site.yml 'sidebar_inline_max'; 0 always does). A
    /// longer one is written once per section as a script file (assets/nav/) that every page of the
    /// section loads and the browser caches; the page itself carries the top level and its own way
    /// down, which is the sidebar readers without script see. At 10,000 pages the sidebar was half
    /// of every page's bytes (docs/benchmarks.md, "Page weight").
    /// </summary>
    public int SidebarInlineMax { get; init; } = 60;

    /// <summary>
    /// The citations files, by path inside input/ (site.yml 'citations', as Quarto's 'bibliography'),
    /// each with where it is named for messages; empty means the default names, citations.json
    /// and citations.bib.
    /// </summary>
    public IReadOnlyList<NamedFile> CitationFiles { get; init; } = [];

    /// <summary>The citations files the build reads: those named, or the default names.</summary>
    public IReadOnlyList<string> CitationPaths => CitationFiles.Count > 0
        ? [.. CitationFiles.Select(f => f.Path)] : [CitationLibrary.JsonFile, CitationLibrary.BibTexFile];

    /// <summary>The site's own wording of theme strings (site.yml 'strings'), each with its position for messages.</summary>
    public IReadOnlyList<(string Key, string Value, int Line, int Column)> Strings { get; init; } = [];

    /// <summary>The site's medical disclaimer, in Markdown, shown in every page's footer (site.yml 'disclaimer'); null for none.</summary>
    public string? Disclaimer { get; init; }

    /// <summary>Where readers in crisis can get help, shown in every page's footer (site.yml 'crisis_*'); null for none.</summary>
    public CrisisHelp? Crisis { get; init; }

    /// <summary>site.yml 'link_check_accept': per host (and its subdomains), the HTTP statuses `check --external` accepts as a working link.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<int>> LinkCheckAccept { get; init; } = new Dictionary<string, IReadOnlyList<int>>();

    /// <summary>The condition the site is about, as studies' notes write it ('condition: BPD'; site.yml 'evidence_focus'): its studies come first.</summary>
    public string? EvidenceFocus { get; init; }

    /// <summary>Who the site is written for (schema.org audience).</summary>
    public string Audience { get; init; } = "Patient";

    /// <summary>An image in input/ shown before the title in the header (site.yml 'logo'); null for none.</summary>
    public string? Logo { get; init; }

    /// <summary>The site's icon, a file in input/ (site.yml 'favicon'); null keeps the theme's.</summary>
    public string? Favicon { get; init; }

    /// <summary>Style sheets and scripts in input/ that every page loads after the theme's (site.yml 'extra_css', 'extra_js').</summary>
    public IReadOnlyList<string> ExtraCss { get; init; } = [];
    public IReadOnlyList<string> ExtraJs { get; init; } = [];

    /// <summary>A line of Markdown for every page's footer (site.yml 'footer_text'); null for none.</summary>
    public string? FooterText { get; init; }

    /// <summary>Links to the site's accounts elsewhere, in the footer (site.yml 'social': name and URL).</summary>
    public IReadOnlyList<(string Name, string Url)> Social { get; init; } = [];

    /// <summary>The highest reading grade (Flesch-Kincaid) a page may have, by audience (site.yml 'reading_grade'); an audience not listed is not measured.</summary>
    public IReadOnlyDictionary<string, double> ReadingGrades { get; init; } = new Dictionary<string, double> { ["Patient"] = 8 };

    /// <summary>The line each setting's value starts on in site.yml, for messages about links inside the site's Markdown settings.</summary>
    public IReadOnlyDictionary<string, int> Lines { get; init; } = new Dictionary<string, int>();

    /// <summary>The theme's colours the site changes (site.yml 'colors' and 'colors_dark'), by CSS custom property name.</summary>
    public IReadOnlyList<ThemeColor> Colors { get; init; } = [];
    public IReadOnlyList<ThemeColor> ColorsDark { get; init; } = [];
}

/// <summary>A colour of the theme set in site.yml: the custom property's name without '--', its value, and where it is set.</summary>
public sealed record ThemeColor(string Name, string Value, int Line, int Column);

/// <summary>A footer section for readers in crisis: a heading, a paragraph and a list of lines (Markdown, one line each).</summary>
public sealed record CrisisHelp(string Title, string Text, IReadOnlyList<string> Lines);

/// <summary>A file named in site.yml, with the line and column it is named at.</summary>
public sealed record NamedFile(string Path, int Line, int Column);
