using System.Text.RegularExpressions;

namespace SiteGen.Theme;

/// <summary>
/// Gather: the colours a site sets in site.yml ('colors', 'colors_dark') become a small style
/// sheet, assets/site-colors.css, that every page loads after the theme's (a file, because the
/// pages' Content-Security-Policy allows no inline style). A name the theme's site.css does not
/// declare is a warning at its site.yml line, with the nearest name the theme has.
/// </summary>
public sealed partial class AddSiteColors : IModule
{
    public const string OutputPath = "assets/site-colors.css";

    /// <summary>The theme's markup for the style sheet; its model is 'colors' with 'light' and 'dark' lists.</summary>
    public const string Partial = "partials/site-colors.liquid";

    private const string ThemeStyleSheet = "assets/site.css";

    public IReadOnlyList<Document> Execute(IReadOnlyList<Document> documents, BuildContext context)
    {
        var (light, dark) = (context.Config.Colors, context.Config.ColorsDark);
        if (light.Count + dark.Count == 0 || context.Templates is not { } templates) return documents;

        var declared = DeclaredColors(context);
        foreach (var color in light.Concat(dark).Where(c => declared.Count > 0 && !declared.Contains(c.Name)))
            context.Diagnostics.Warning(SiteConfig.FileName, color.Line, color.Column, $"the theme's {ThemeStyleSheet} has no colour '--{color.Name}', so this changes nothing" +
                (Suggest.Closest(color.Name, declared) is { } near ? $" (did you mean '{near}'?)." : "."));

        var model = new Dictionary<string, object?>
        {
            ["light"] = light.Select(Color).ToList(),
            ["dark"] = dark.Select(Color).ToList(),
        };
        return [.. documents, new Document
        {
            SourcePath = "", OutputPath = OutputPath, Kind = DocumentKind.GeneratedFile,
            Content = templates.Render(Partial, ("colors", model)),
        }];
    }

    private static Dictionary<string, object?> Color(ThemeColor color) => new() { ["name"] = color.Name, ["value"] = color.Value };

    /// <summary>The custom properties the theme's style sheet declares ("--accent: ..." gives "accent").</summary>
    private static HashSet<string> DeclaredColors(BuildContext context)
    {
        var file = context.Paths.ThemeSource(ThemeStyleSheet);
        if (!SourceFiles.Exists(file) || TextDecoding.Read(file, file.FullPath, context.Diagnostics) is not { } css) return [];
        return [.. CustomProperty().Matches(css).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"--([a-z][a-z0-9-]*)\s*:")]
    private static partial Regex CustomProperty();
}
