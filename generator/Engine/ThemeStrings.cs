using YamlDotNet.RepresentationModel;

namespace SiteGen.Engine;

/// <summary>
/// The words the theme shows readers (theme/strings/LANGUAGE.yml, the site's 'language'), with
/// English for any key a language file lacks (a warning names the key), and the site's own
/// wording from site.yml 'strings' over both (an unknown key there is a warning with a suggestion).
/// </summary>
public static class ThemeStrings
{
    public const string Fallback = "en";

    public static IReadOnlyDictionary<string, string> Load(BuildContext context)
    {
        var strings = Read(context, Fallback) ?? new Dictionary<string, string>(StringComparer.Ordinal);
        // A regional file (en-GB.yml, pt-BR.yml) holds only what differs from its language's file
        // (en.yml, pt.yml), which must be complete: a missing key there is a warning.
        var language = context.Config.Language;
        var baseLanguage = language.Split('-')[0];
        var complete = baseLanguage == Fallback;
        foreach (var file in new[] { baseLanguage, language }.Distinct().Where(l => l != Fallback))
        {
            if (Read(context, file) is not { } translated) continue;
            if (!complete)
                foreach (var key in strings.Keys.Where(k => !translated.ContainsKey(k)).Order(StringComparer.Ordinal))
                    context.Diagnostics.Warning(context.Paths.ThemeSource($"strings/{file}.yml").FullPath, 0, 0,
                        $"no string '{key}' for language '{file}'; the English one is shown.");
            complete = true;
            foreach (var (key, value) in translated) strings[key] = value;
        }
        foreach (var (key, value, line, column) in context.Config.Strings)
        {
            if (!strings.ContainsKey(key))
            {
                context.Diagnostics.Warning(SiteConfig.FileName, line, column, $"the theme has no string '{key}'" +
                    (Suggest.Closest(key, strings.Keys) is { } near ? $" (did you mean '{near}'?)" : "; see theme/strings/en.yml."));
                continue;
            }
            strings[key] = value;
        }
        return strings;
    }

    private static Dictionary<string, string>? Read(BuildContext context, string language)
    {
        var file = context.Paths.ThemeSource($"strings/{language}.yml");
        if (!SourceFiles.Exists(file) || TextDecoding.Read(file, file.FullPath, context.Diagnostics) is not { } text) return null;
        var strings = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            var yaml = new YamlStream();
            yaml.Load(new StringReader(text));
            if (yaml.Documents.Count > 0 && yaml.Documents[0].RootNode is YamlMappingNode map)
                foreach (var (key, value) in map.Children)
                    if (key is YamlScalarNode { Value: { } k } && value is YamlScalarNode { Value: { } v }) strings[k] = v;
        }
        catch (YamlDotNet.Core.YamlException ex)
        {
            context.Diagnostics.Error(file.FullPath, (int)ex.Start.Line, (int)ex.Start.Column, $"the strings file is not valid YAML: {ex.Message}");
        }
        return strings;
    }
}
