using Fluid;
using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Theme;

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

    public static ThemeTemplates? Load(BuildContext context)
    {
        var theme = context.Paths.Theme;
        var layoutPath = Path.Combine(theme, LayoutFile);
        if (!File.Exists(layoutPath))
        {
            context.Diagnostics.Error(layoutPath, 0, 0, "the theme has no layout.liquid; pass --theme with the theme folder.");
            return null;
        }
        var parser = new FluidParser();
        var partials = new Dictionary<string, string>(StringComparer.Ordinal);
        var partialsFolder = Path.Combine(theme, "partials");
        if (Directory.Exists(partialsFolder))
        {
            foreach (var file in Directory.EnumerateFiles(partialsFolder, "*.liquid").Order(StringComparer.Ordinal))
            {
                var text = TextDecoding.Read(context.Paths.ThemeSource("partials/" + Path.GetFileName(file)), file, context.Diagnostics);
                if (text is null || !Check(parser, text, file, context)) continue;
                partials["partials/" + Path.GetFileName(file)] = text;
            }
        }
        var layoutText = TextDecoding.Read(context.Paths.ThemeSource(LayoutFile), layoutPath, context.Diagnostics);
        if (layoutText is null) return null;
        if (!parser.TryParse(layoutText, out var layout, out var error))
        {
            context.Diagnostics.Error(layoutPath, 0, 0, $"template error: {error}");
            return null;
        }
        var options = new TemplateOptions
        {
            FileProvider = new ThemeFileProvider(partials),
            MaxRecursion = 20,
        };
        var sidebar = partials.TryGetValue(SidebarPartial, out var sidebarText) && parser.TryParse(sidebarText, out var parsed) ? parsed : null;
        var digest = BuildCache.Digest([layoutText, .. partials.SelectMany(p => new[] { p.Key, p.Value })]);
        return new ThemeTemplates { Layout = layout, Options = options, Sidebar = sidebar, Digest = digest };
    }

    private static bool Check(FluidParser parser, string text, string file, BuildContext context)
    {
        if (parser.TryParse(text, out _, out var error)) return true;
        context.Diagnostics.Error(file, 0, 0, $"template error: {error}");
        return false;
    }
}
