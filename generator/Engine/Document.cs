namespace SiteGen.Engine;

/// <summary>What a document becomes in the output.</summary>
public enum DocumentKind
{
    /// <summary>A Markdown page from input/.</summary>
    Page,
    /// <summary>An HTML page the build makes itself (404, search, references).</summary>
    GeneratedPage,
    /// <summary>A non-HTML file made by the build (sitemap.xml, robots.txt).</summary>
    GeneratedFile,
    /// <summary>A file copied as it is (theme assets, images in input/).</summary>
    CopiedFile,
}

/// <summary>
/// One unit flowing through the pipeline. Immutable: a module returns <c>doc with { ... }</c>.
/// Facts several modules need are typed properties; nothing is looked up by string key.
/// </summary>
public sealed record Document
{
    /// <summary>Path relative to the input folder, '/'-separated ("" for generated documents).</summary>
    public required string SourcePath { get; init; }

    /// <summary>Path relative to the output folder, '/'-separated, e.g. "evidence/pilot-trial.html".</summary>
    public required string OutputPath { get; init; }

    public required DocumentKind Kind { get; init; }

    /// <summary>
    /// The source file's size and time of last change when the folder was listed ("" for
    /// documents not read from a file): part of every cache key in `serve`, so an edited page is
    /// made again without any step reading the file to find out.
    /// </summary>
    public string SourceStamp { get; init; } = "";

    /// <summary>The page's front matter (empty for files).</summary>
    public PageMeta Meta { get; init; } = PageMeta.Empty;

    /// <summary>Markdown body after the front matter.</summary>
    public string Markdown { get; init; } = "";

    /// <summary>1-based source line on which <see cref="Markdown"/> starts, so positions map back to the file.</summary>
    public int BodyLine { get; init; } = 1;

    /// <summary>The HTML fragment after rendering, then the whole page after layout; or a generated file's text.</summary>
    public string Content
    {
        get => _compactContent is null ? _content : System.Text.Encoding.UTF8.GetString(_compactContent);
        init { _content = value; _compactContent = null; }
    }

    private string _content = "";

    /// <summary><see cref="Content"/> held as UTF-8 (<see cref="WithCompactContent"/>), or null.</summary>
    private byte[]? _compactContent;

    /// <summary>
    /// The same document with its <see cref="Content"/> held as UTF-8 until a step replaces it:
    /// half the memory of .NET's UTF-16 text, read back on each use. Every rendered page waits in
    /// memory for its layout until all pages are rendered and gathered (2.3 GB of fragments at
    /// 100,000 pages, 1.2 GB as UTF-8).
    /// </summary>
    public Document WithCompactContent()
    {
        if (_compactContent is not null || _content.Length == 0) return this;
        var compact = this with { };
        compact._compactContent = System.Text.Encoding.UTF8.GetBytes(_content);
        compact._content = "";
        return compact;
    }

    /// <summary>
    /// A generated file made as UTF-8 bytes instead of <see cref="Content"/> (the search index's
    /// files, 35 MB on a large site): written as they are, never turned into text and back.
    /// </summary>
    public ReadOnlyMemory<byte> Utf8 { get; init; }

    /// <summary>
    /// Already written to the staging folder by the module that made it (the search index's
    /// files, written as they are made); it carries no content, and is not written again.
    /// </summary>
    public bool Staged { get; init; }

    /// <summary>A generated file's text, whether it was made as text or as UTF-8.</summary>
    public string Text => Utf8.IsEmpty ? Content : System.Text.Encoding.UTF8.GetString(Utf8.Span);

    /// <summary>The source file copied unchanged (for <see cref="DocumentKind.CopiedFile"/>), read through <see cref="SourceFiles"/>.</summary>
    public SourceFile? CopyFrom { get; init; }

    public string Title { get; init; } = "";

    /// <summary>h2/h3 headings of the rendered page, in order, for the table of contents.</summary>
    public IReadOnlyList<Heading> Headings { get; init; } = [];

    /// <summary>Position among the pages of its folder: front matter 'order', else the number prefix.</summary>
    public int Order { get; init; }

    /// <summary>The rendered evidence-limitations callout for this page.</summary>
    public string CalloutHtml { get; init; } = "";

    /// <summary>Navigation facts computed once every page is known.</summary>
    public PageNavigation? Navigation { get; init; }

    /// <summary>Links and images written in the Markdown, with their source positions.</summary>
    public IReadOnlyList<SourceLink> Links { get; init; } = [];

    /// <summary>The works this page cites, in order of first use.</summary>
    public IReadOnlyList<PageCitation> Citations { get; init; } = [];

    /// <summary>What the checks read from the built page (set after the layout).</summary>
    public PageFacts? Facts { get; init; }

    /// <summary>Shown in navigation, the sitemap and the list of all pages.</summary>
    public bool Listed { get; init; }

    public bool IsHtmlPage => Kind is DocumentKind.Page or DocumentKind.GeneratedPage;
}

/// <summary>A heading found in the page, with the id the reader can link to.</summary>
public sealed record Heading(int Level, string Text, string Id);
