namespace SiteGen.Engine;

/// <summary>
/// Everything a module may read besides the documents: settings, folders, the shared
/// diagnostics list and the log. Passed explicitly; there is no ambient "current" context.
/// </summary>
public sealed record BuildContext
{
    public required SitePaths Paths { get; init; }
    /// <summary>site.yml, set by the recipe's first step.</summary>
    public SiteConfig Config { get; set; } = new();
    public required Diagnostics Diagnostics { get; init; }
    /// <summary>The citations file, set by the recipe's Settings phase.</summary>
    public CitationLibrary Citations { get; set; } = CitationLibrary.Empty;

    /// <summary>The site's glossary (input/_data/glossary.yml), set by the recipe's Settings phase.</summary>
    public Glossary Glossary { get; set; } = Glossary.Empty;

    /// <summary>The theme's templates, parsed once, set by the recipe's Settings phase; null when the theme has errors.</summary>
    public ThemeTemplates? Templates { get; set; }

    /// <summary>The sidebars written as shared files (assets/nav/), by the sidebar's key: set by the Gather phase, read by the layout.</summary>
    public IReadOnlyDictionary<string, string> SidebarFiles { get; set; } = new Dictionary<string, string>();

    /// <summary>The Atom feed of clinical changes, when the site logs changes (pages link it from their head); null for none.</summary>
    public string? FeedPath { get; set; }

    /// <summary>The site's redirects (old path to output path or http(s) address), for the host's redirect file.</summary>
    public IReadOnlyList<(string From, string To)> Redirects { get; set; } = [];
    public Log Log { get; init; } = Log.Silent;

    /// <summary>Where `build` writes the new site before swapping it in; null when nothing is written.</summary>
    public IStagedOutput? Staging { get; set; }

    /// <summary>Results of the previous build to reuse (`sitegen serve`); null for a one-off build.</summary>
    public BuildCache? Cache { get; init; }

    /// <summary>What builds keep on disk for the next one (the minified theme files); null for none.</summary>
    public DiskCache? DiskCache { get; init; }

    /// <summary>
    /// Work a module leaves for after the site is shown (`serve` only; null otherwise). The search
    /// index uses it, so an edited page reloads at once while the index catches up a moment later.
    /// </summary>
    public System.Collections.Concurrent.ConcurrentQueue<LaterWork>? Later { get; init; }

    /// <summary>How many pages are processed at once; 1 gives the same bytes as many.</summary>
    public ParallelOptions Parallelism { get; init; } = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };
}
