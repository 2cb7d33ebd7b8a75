using SiteGen.Callout;
using SiteGen.Citations;
using SiteGen.Checks;
using SiteGen.Content;
using SiteGen.Engine;
using SiteGen.Generated;
using SiteGen.Html;
using SiteGen.Markdown;
using SiteGen.Output;
using SiteGen.Search;
using SiteGen.Theme;

namespace SiteGen;

/// <summary>The whole build, top to bottom. `build`, `check` and the tests all run this recipe.</summary>
public static class SiteRecipe
{
    public static Pipeline Create()
    {
        var markdown = MarkdownPipelineFactory.Create();
        var layout = new ApplyLayout();
        var pipeline = new Pipeline()
            // Input: find what there is.
            .Add(Phase.Input, new ReadPages())
            .Add(Phase.Input, new ReadThemeAssets())
            // Process: each page on its own, in parallel.
            // (In `serve`, pages whose inputs did not change since the last build are taken from the cache.)
            // An .svg from input/ runs on the site's origin when opened: published only once cleaned.
            .Add(Phase.Process, new SanitizeSvgFiles())
            .Add(Phase.Process, new StreamDocuments(new ParseFrontMatter()) { CacheKey = ParseFrontMatter.Inputs })
            .Add(Phase.Process, new AssignUrls())
            .Add(Phase.Process, new StreamDocuments(Render(markdown), new AppendReferenceList()) { CacheKey = RenderMarkdown.Inputs })
            .Add(Phase.Process, new AddReferencesPage())
            .Add(Phase.Process, new AddEvidenceTablePage())
            .Add(Phase.Process, new AddGeneratedPages())
            .Add(Phase.Process, new RenderCallout(markdown))
            // Post-process: work that needs every page.
            .Add(Phase.PostProcess, new BuildNavigation())
            .Add(Phase.PostProcess, new BuildSearchIndex())
            .Add(Phase.PostProcess, new GenerateSitemap())
            .Add(Phase.PostProcess, new GenerateRobots())
            .Add(Phase.PostProcess, new GenerateHostHeaders())
            // Every document exists now: no two may share an output path.
            .Add(Phase.PostProcess, new CheckOutputPaths())
            // Each page laid out, read for the checks and staged on disk before the next is taken,
            // so the finished pages never all sit in memory at once.
            .Add(Phase.PostProcess, new StreamDocuments(layout, new ReadPageFacts(), new StageFile())
            {
                CacheKey = (documents, context) =>
                {
                    var page = layout.Inputs(documents, context);
                    var published = ReadPageFacts.Inputs(documents);
                    return document => page(document) is { } key ? key + published : null;
                },
            })
            .Add(Phase.PostProcess, new CheckPages())
            .Add(Phase.PostProcess, new CheckUnusedCitations())
            // Output: swap the staged site in, only when nothing failed.
            .Add(Phase.Output, new PublishSite());
        return pipeline;
    }

    /// <summary>Markdown to an HTML fragment, with the steps that run on the one Markdown tree, in their order.</summary>
    public static RenderMarkdown Render(Markdig.MarkdownPipeline markdown) => new(markdown,
        new SanitizeRawHtml(),      // raw HTML cleaned; each removal reported at its line
        new LintMarkdown(),         // alt text, link text, heading order (reads only)
        new RewriteLinks(),         // links to .md files become page URLs; missing ones reported
        new ResolveCitations());    // [@key] numbered in order of first use; unknown keys reported
}
