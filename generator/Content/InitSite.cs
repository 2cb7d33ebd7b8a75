namespace SiteGen.Content;

/// <summary>
/// `sitegen init [folder]`: writes a complete starter site that builds and passes `sitegen
/// check`: input/ with site.yml (every key explained), a home page, one section page citing a
/// placeholder reference marked "REPLACE ME" (never a real-looking made-up one), the callout
/// partial and the citations file; a .gitignore; a GitHub Actions workflow that builds, checks
/// and publishes to GitHub Pages; and a tool manifest pinning this version of sitegen. The
/// starter's files ship beside the program (Starter/).
/// </summary>
public static class InitSite
{
    public sealed record Result(IReadOnlyList<string> Written, IReadOnlyList<string> Replaced, string? Error);

    public static readonly string StarterFolder = Path.Combine(AppContext.BaseDirectory, "Starter");

    public static readonly string[] CitationFormats = ["bibtex", "csl"];

    /// <param name="citations">"bibtex" writes input/citations.bib, "csl" input/citations.json.</param>
    /// <param name="force">Write into a folder that is not empty, replacing (and listing) files of the same names.</param>
    public static Result Create(string folder, string citations, bool force, DateOnly today)
    {
        if (!Directory.Exists(StarterFolder))
            return new([], [], $"this sitegen has no starter files (expected {StarterFolder}); reinstall it.");
        var target = Path.GetFullPath(folder);
        if (File.Exists(target)) return new([], [], $"'{folder}' is a file; give a folder for the new site.");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any() && !force)
            return new([], [], $"'{folder}' is not empty; choose an empty or new folder, or pass --force to add the starter " +
                               "files to it (files of the same names are then replaced, and listed).");
        var skipped = citations == "csl" ? "input/citations.bib" : "input/citations.json";
        var version = typeof(InitSite).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
        var written = new List<string>();
        var replaced = new List<string>();
        try
        {
            foreach (var file in Directory.EnumerateFiles(StarterFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                // Stored as dot_name: packages leave out files whose names start with '.'.
                var relative = string.Join('/', Path.GetRelativePath(StarterFolder, file).Replace('\\', '/').Split('/')
                    .Select(part => part.StartsWith("dot_", StringComparison.Ordinal) ? "." + part[4..] : part));
                if (relative == skipped) continue;
                var destination = Path.Combine(target, relative);
                if (File.Exists(destination)) replaced.Add(relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                var text = File.ReadAllText(file)
                    .Replace("{{today}}", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{{version}}", version, StringComparison.Ordinal);
                File.WriteAllText(destination, text);
                written.Add(relative);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(written, replaced, $"cannot write the starter site: {ex.Message}");
        }
        return new(written, replaced, null);
    }
}
