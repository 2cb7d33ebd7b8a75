using SiteGen.Citations;
using SiteGen.Content;

namespace SiteGen.References;

/// <summary>The site's settings and citations alone (the Settings steps of the recipe), for commands that need no pages.</summary>
public static class SettingsOnly
{
    public static BuildContext? Load(string input)
    {
        if (!Directory.Exists(input)) return null;
        var paths = SitePaths.FromArguments(input, SitePaths.DefaultBuiltInTheme ?? "theme", Path.Combine(input, "..", "output"));
        var context = new BuildContext { Paths = paths, Diagnostics = new Diagnostics(paths.Display) };
        new Pipeline()
            .Add(Phase.Settings, new ReadSiteSettings(null))
            .Add(Phase.Settings, new LoadCitations())
            .Run(context);
        return context;
    }
}
