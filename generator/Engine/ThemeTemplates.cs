using Fluid;

namespace SiteGen.Engine;

/// <summary>
/// The theme's Liquid templates, parsed once: theme/layout.liquid and theme/partials/*.liquid
/// (included as {% include 'partials/name' %}). A syntax error is reported at its file.
/// </summary>
public sealed class ThemeTemplates
{
    public const string LayoutFile = "layout.liquid";

    public const string SidebarPartial = "partials/sidebar.liquid";

    public required IFluidTemplate Layout { get; init; }

    /// <summary>partials/sidebar.liquid on its own, rendered once per folder (see <see cref="SidebarHtml"/>); null when the theme has none.</summary>
    public IFluidTemplate? Sidebar { get; init; }
    public required TemplateOptions Options { get; init; }

    /// <summary>A digest of every template's text: pages laid out with the same digest and model come out the same.</summary>
    public string Digest { get; init; } = "";

    /// <summary>Keeps non-ASCII text readable in the output instead of turning it into &amp;#x...; entities.</summary>
    public static readonly System.Text.Encodings.Web.HtmlEncoder Encoder =
        System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The words the theme shows readers, by key (<see cref="ThemeStrings"/>).</summary>
    public Words Words { get; init; } = Words.None;

    /// <summary>A reader-facing word of the theme; the key itself when the strings file lacks it.</summary>
    public string Text(string key) => Words.Text(key);

    /// <summary>Every partial, parsed, by name ("partials/callout.liquid").</summary>
    public IReadOnlyDictionary<string, IFluidTemplate> Partials { get; init; } = new Dictionary<string, IFluidTemplate>();

    /// <summary>
    /// Renders one partial with the given values (each a typed model the partial reads), so the
    /// markup of generated parts (the callout, reference lists, generated pages) is the theme's.
    /// A theme without the partial is an error at the build's start (<see cref="Required"/>).
    /// </summary>
    public string Render(string partial, params (string Name, object? Value)[] values)
    {
        var context = new TemplateContext(Options);
        foreach (var (name, value) in values) context.SetValue(name, value);
        return Partials[partial].Render(context, Encoder);
    }

    /// <summary>The partials the build itself renders: a theme must have each.</summary>
    public static readonly string[] Required =
        ["partials/callout.liquid", "partials/not-found.liquid", "partials/search-page.liquid", "partials/page-list.liquid",
         "partials/reference-list.liquid", "partials/references-page.liquid", "partials/evidence-table.liquid", "partials/site-colors.liquid",
         "partials/glossary-term.liquid", "partials/glossary-page.liquid", "partials/whats-new.liquid", "partials/redirect.liquid", "partials/heading-link.liquid",
         "partials/evidence-map.liquid", "partials/forest-plot.liquid", "partials/sidebar-list.liquid"];

    public static ThemeTemplates? Load(BuildContext context)
    {
        var paths = context.Paths;
        var layoutFile = paths.ThemeSource(LayoutFile);
        if (!SourceFiles.Exists(layoutFile))
        {
            context.Diagnostics.Error(layoutFile.FullPath, 0, 0, "the theme has no layout.liquid; pass --theme with the theme folder.");
            return null;
        }
        var partials = new Dictionary<string, string>(StringComparer.Ordinal);
        var parsedPartials = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var relative in paths.ThemeFiles("partials").Where(f => f.EndsWith(".liquid", StringComparison.Ordinal) && f.Count(c => c == '/') == 1))
        {
            var file = paths.ThemeSource(relative);
            var text = TextDecoding.Read(file, file.FullPath, context.Diagnostics);
            if (text is null || Parse(text, file.FullPath, context) is not { } template) continue;
            partials[relative] = text;
            parsedPartials[relative] = template;
        }
        // A site's own theme file that the built-in theme does not have overrides nothing: most often a misspelt name.
        var builtIn = paths.BuiltInThemeFiles("partials").Concat(paths.BuiltInThemeFiles("assets")).Append(LayoutFile).ToList();
        foreach (var stray in paths.ThemeFilesNotBuiltIn("partials"))
            context.Diagnostics.Warning(Path.Combine(paths.Theme, stray), 0, 0,
                $"the built-in theme has no {stray}, so it replaces nothing" +
                (Suggest.Closest(stray, builtIn) is { } near ? $" (did you mean {near}?)" : "; only partials the layout includes are used."));
        var layoutText = TextDecoding.Read(layoutFile, layoutFile.FullPath, context.Diagnostics);
        if (layoutText is null) return null;
        if (Parse(layoutText, layoutFile.FullPath, context) is not { } layout) return null;
        var options = new TemplateOptions
        {
            FileProvider = new ThemeFileProvider(partials),
            MaxRecursion = 20,
            CultureInfo = System.Globalization.CultureInfo.InvariantCulture, // numbers in SVG coordinates: "12.5" on every machine
        };
        // Every word the theme shows readers, visible to the layout and every partial as 'strings'.
        var strings = ThemeStrings.Load(context);
        options.Scope.SetValue("strings", Fluid.Values.FluidValue.Create(strings, options));
        // The typed models the build hands to partials, read in snake_case as Liquid themes write.
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        PartialModels.Register(options.MemberAccessStrategy);
        foreach (var required in Required.Where(r => !parsedPartials.ContainsKey(r)))
            context.Diagnostics.Error(Path.Combine(paths.Theme, required), 0, 0, $"the theme has no {required}, which the build renders; copy it from SiteGen's theme.");
        // The strings count too: a page laid out with other words is another page (serve's cache).
        var digest = BuildCache.Digest([layoutText, .. partials.SelectMany(p => new[] { p.Key, p.Value }),
            .. strings.OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => new[] { p.Key, p.Value })]);
        return new ThemeTemplates
        {
            Layout = layout, Options = options, Sidebar = parsedPartials.GetValueOrDefault(SidebarPartial), Digest = digest, Partials = parsedPartials,
            Words = new Words(strings),
        };
    }

    /// <summary>
    /// One parser for every build of the process (`serve` builds many): Fluid's parser is meant
    /// to be made once and shared, and is safe to use from several threads (its README, "Thread-safety").
    /// </summary>
    private static readonly FluidParser Parser = new();

    private static IFluidTemplate? Parse(string text, string file, BuildContext context)
    {
        if (Parser.TryParse(text, out var template, out var error)) return template;
        context.Diagnostics.Error(file, 0, 0, $"template error: {error}");
        return null;
    }
}
