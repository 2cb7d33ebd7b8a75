namespace SiteGen.Engine;

/// <summary>
/// The build's stages, in order; each starts once the one before has seen every document.
/// Settings: site.yml and the citations file, which every later step reads (an error here stops
/// the build, as nothing after it could be trusted). Read: the files there are. Render: each
/// page on its own, streamed. Gather: what needs every page (generated pages, output paths,
/// navigation, the search index, the sitemap). Layout: each page laid out, read for the checks
/// and staged, streamed. Check: read-only checks over every page. Publish: the staged site
/// swapped in, skipped after any error.
/// </summary>
public enum Phase { Settings, Read, Render, Gather, Layout, Check, Publish }
