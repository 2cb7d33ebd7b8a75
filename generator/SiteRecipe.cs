using SiteGen.Callout;
using SiteGen.Checks;
using SiteGen.Checks.External;
using SiteGen.Citations;
using SiteGen.Content;
using SiteGen.Generated;
using SiteGen.Html;
using SiteGen.Markdown;
using SiteGen.Output;
using SiteGen.Search;
using SiteGen.Theme;

namespace SiteGen;

/// <summary>What the recipe is run for: `build` writes and publishes; `check` writes nothing and adds its own checks; `serve` and tests build in memory.</summary>
public sealed record RecipeOptions(string? BaseUrl = null, bool Writes = false, CheckOptions? Check = null, string? Repository = null);

/// <summary>The checks only `sitegen check` runs: review dates against today, the output folder against the sources, with --external the links out, and with --base the pages changed since a commit.</summary>
/// <param name="BaseInput">The input folder as the base commit had it (--base); <paramref name="BaseName"/> names the commit in messages.</param>
public sealed record CheckOptions(DateOnly Today, ExternalLinkOptions? External = null, string? BaseInput = null, string? BaseName = null);

/// <summary>The whole build, top to bottom: every step, in the order it runs. `build`, `check`, `serve` and the tests all run this recipe.</summary>
public static class SiteRecipe
{
    public static Pipeline Create(RecipeOptions options)
    {
        var markdown = MarkdownPipelineFactory.Create();
        var check = options.Check;
        return new Pipeline()
            // Settings: what every later step reads. An error here stops the build.
            .Add(Phase.Settings, new ReadSiteSettings(options.BaseUrl, options.Repository))  // input/site.yml
            .Add(Phase.Settings, new LoadCitations())                    // input/citations.json and/or .bib
            .Add(Phase.Settings, new ReadCitationsLock(check?.Today))    // retractions from input/citations.lock.json; never the network
            .Add(Phase.Settings, new ReadGlossary())                     // input/_data/glossary.yml
            .Add(Phase.Settings, new ReadThemeTemplates())               // the site's theme files over the built-in theme
            .Add(Phase.Settings, new ReadCalloutPartial())               // input/_partials/limitations.md, on every page
            // Read: find what there is, every file through one rule (SourceFiles).
            .AddIf(options.Writes, Phase.Read, new OpenStaging())        // a folder beside output/ for the new site
            .Add(Phase.Read, new ReadThemeAssets())                      // first, so they are minified while the pages render
            .Add(Phase.Read, new ReadPages())
            // Render, page by page, streamed. In `serve`, a stream reuses the last build's result for a
            // page when the page and what its steps read (each says what) have not changed.
            .Add(Phase.Render, new SanitizeSvgFiles())                   // an .svg runs on the site's origin when opened
            .Add(Phase.Render, new StreamDocuments(new ParseFrontMatter(), new AssignUrls())) // every page's URL, before any link is rewritten
            // The theme's .js and .css are made smaller in the pages' stream: minifying the one large
            // script takes one core for tens of milliseconds, and there the other core renders pages.
            // The prose checks read each page's HTML while it is still text; it then waits for its
            // layout as UTF-8, half the memory of .NET text.
            .Add(Phase.Render, new StreamDocuments(Render(markdown), new AppendReferenceList(),
                new CheckReadingGrade(),   // Flesch-Kincaid against the audience's target
                new CheckUndefinedTerms(), // abbreviations on patient pages are explained
                new CompactRenderedPages(), new MinifyThemeAssets()))
            // Gather: what needs every page.
            .Add(Phase.Gather, new CheckCitedNotices())                  // a cited retraction is an error unless acknowledged
            .Add(Phase.Gather, new AddReferencesPage())
            .Add(Phase.Gather, new AddGlossaryPage())
            .Add(Phase.Gather, new AddEvidenceTablePage())
            .Add(Phase.Gather, new AddWhatsNewPage())                    // every page's logged changes, newest first
            .Add(Phase.Gather, new AddGeneratedPages())                  // 404 and search
            .Add(Phase.Gather, new StreamDocuments(new RenderCallout(markdown))) // each page's evidence-limitations callout
            .Add(Phase.Gather, new CheckReviewStatus())                  // no patient page published as a draft
            .Add(Phase.Gather, new StreamDocuments(new BuildNavigation()))
            .Add(Phase.Gather, new AddSidebarFiles())                    // a long sidebar written once per section, not on every page
            .Add(Phase.Gather, new CollectLargeHeap())                   // 100,000 pages: room for the index, the most the build makes at once
            .Add(Phase.Gather, new BuildSearchIndex())
            .Add(Phase.Gather, new AddSiteColors())                      // site.yml 'colors' as a style sheet
            .Add(Phase.Gather, new GenerateFeed())                       // feed.xml: the clinical changes, as Atom
            .Add(Phase.Gather, new GenerateSitemap())
            .Add(Phase.Gather, new GenerateRobots())
            .Add(Phase.Gather, new GenerateHostHeaders())
            .Add(Phase.Gather, new AddRedirectPages())                   // a page at each old path, leading to the new one
            .Add(Phase.Gather, new GenerateHostRedirects())              // the same as 301s for Netlify and Cloudflare Pages
            .Add(Phase.Gather, new CheckOutputPaths())                   // every document exists now: no two on one path
            // Layout, page by page, streamed: laid out, read once for the checks and staged on disk
            // before the next is taken, so the finished pages never all sit in memory at once.
            .Add(Phase.Layout, new CollectLargeHeap())                   // 100,000 pages: what gathering let go of, before the layout adds more
            .Add(Phase.Layout, new StreamDocuments(options.Writes ? [new ApplyLayout(), new ReadPageFacts(), new StageFile()] : [new ApplyLayout(), new ReadPageFacts()]))
            // Check: read-only, over every built page.
            .Add(Phase.Check, new CheckCallouts())                       // one callout, with a heading, before the content
            .Add(Phase.Check, new CheckLinks())                          // internal links and #fragments resolve
            .Add(Phase.Check, new CheckStructure())                      // one h1, unique ids, alt text, link text
            .Add(Phase.Check, new CheckUnusedCitations())
            .AddIf(check is not null, Phase.Check, new CheckOutputIsCurrent())
            .AddIf(check is not null, Phase.Check, new CheckReviewDates(check?.Today ?? default))  // due within 30 days, overdue
            .AddIf(check is not null, Phase.Check, new CheckFeedbackRoute())             // patients can report a problem
            .AddIf(check?.BaseInput is not null, Phase.Check, new CheckUnreviewedChanges(check?.BaseInput!, check?.BaseName!)) // changed text is reviewed or logged
            .AddIf(check?.External is not null, Phase.Check, new CheckExternalLinks(check?.External!))
            // Publish: swap the staged site in, only when nothing failed.
            .AddIf(options.Writes, Phase.Publish, new PublishSite());
    }

    /// <summary>Markdown to an HTML fragment, with the steps that run on the one Markdown tree, in their order.</summary>
    public static RenderMarkdown Render(Markdig.MarkdownPipeline markdown) => new(markdown,
        new IncludePartials(markdown),  // '::: include crisis' becomes input/_partials/crisis.md
        new SanitizeRawHtml(),      // raw HTML cleaned; each removal reported at its line
        new LintMarkdown(),         // alt text, link text, heading order (reads only)
        new RewriteLinks(),         // links to .md files become page URLs; missing ones reported
        new ResolveCitations(),     // [@key] numbered in order of first use; unknown keys reported
        new RenderEvidenceCharts(), // ```evidence-map and ```forest-plot blocks drawn as SVG from the notes
        new MarkGlossaryTerms(),    // the first use of each glossary term links to its definition
        new AddHeadingPermalinks()); // each section heading links to itself
}
