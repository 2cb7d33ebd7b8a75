using System.Text;
using SiteGen.Engine;

namespace SiteGen.Content;

/// <summary>
/// `sitegen new`: creates a page with complete front matter in the right section. A path such as
/// "evidence/new-study" finds the existing "03-evidence" folder, and when the pages there are
/// numbered, the new one takes the next number so it appears last in the section.
/// </summary>
public static class NewPage
{
    public sealed record Result(string? CreatedPath, string? Error);

    public static Result Create(string inputFolder, string path, string title, string? description, IReadOnlyList<string> reviewers, DateOnly today)
    {
        if (!Directory.Exists(inputFolder)) return new(null, $"input folder '{inputFolder}' does not exist; run from the repository root or pass --input.");
        var segments = path.Replace('\\', '/').Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0 || !segments.All(SourceFiles.IsPublishedName))
            return new(null, $"'{path}' is not a page path; write it like 'evidence/new-study' (inside input/, no '..').");
        if (reviewers.Count == 0) return new(null, "name at least one reviewer with --reviewer \"Name\"; every medical page records who reviewed it.");
        if (UrlPaths.UnsafeNameCharacter(path) is { } bad) return new(null, $"'{path}' contains {bad}, which cannot be part of a page's URL; choose another name.");
        foreach (var (option, value) in new[] { ("--title", title), ("--description", description ?? "") }.Concat(reviewers.Select(r => ("--reviewer", r))))
            if (value.Any(char.IsControl))
                return new(null, $"{option} holds a line break or another control character; give it on one line.");
        if (title.Trim().Length == 0) return new(null, "--title is empty; give the page a title.");
        try
        {
            return Write(inputFolder, segments, title, description, reviewers, today);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(null, $"cannot create the page: {ex.Message}");
        }
    }

    private static Result Write(string inputFolder, string[] segments, string title, string? description, IReadOnlyList<string> reviewers, DateOnly today)
    {

        var folder = Path.GetFullPath(inputFolder);
        foreach (var segment in segments[..^1])
        {
            var existing = Directory.Exists(folder)
                ? Directory.EnumerateDirectories(folder).Select(Path.GetFileName).OfType<string>()
                    .FirstOrDefault(d => d == segment || Strip(d) == Strip(segment))
                : null;
            folder = Path.Combine(folder, existing ?? segment);
        }
        var name = Strip(Path.GetFileNameWithoutExtension(segments[^1]));
        Directory.CreateDirectory(folder);
        var siblings = Directory.EnumerateFiles(folder, "*.md").Select(Path.GetFileName).OfType<string>().ToList();
        if (siblings.Any(f => Strip(Path.GetFileNameWithoutExtension(f)).Equals(name, StringComparison.OrdinalIgnoreCase)))
            return new(null, $"a page named '{name}' already exists in {Path.GetRelativePath(Environment.CurrentDirectory, folder)}.");
        var numbers = siblings.Select(f => UrlPaths.NumberPrefix(Path.GetFileNameWithoutExtension(f)).Number).OfType<string>().ToList();
        var fileName = numbers.Count == 0 ? name + ".md"
            : (numbers.Select(int.Parse).Max() + 1).ToString().PadLeft(numbers.Max(n => n.Length), '0') + "-" + name + ".md";

        var text = new StringBuilder("---\n");
        text.Append("title: ").Append(Quote(title)).Append('\n');
        text.Append("description: ").Append(Quote(description ?? $"What the evidence says about {title.ToLowerInvariant()}.")).Append('\n');
        text.Append("reviewed: ").Append(today.ToString("yyyy-MM-dd")).Append('\n');
        text.Append("reviewers:\n");
        foreach (var reviewer in reviewers) text.Append("  - ").Append(Quote(reviewer)).Append('\n');
        // A new page is a draft until it has been checked: `check` warns while a patient page is one.
        text.Append("review_status: draft\n");
        text.Append("changes:\n  - date: ").Append(today.ToString("yyyy-MM-dd")).Append("\n    summary: First published\n    type: clinical\n");
        text.Append("tags: []\n---\n");
        text.Append("## Overview\n\nWrite the page here. Mark every claim that needs a source with a citation such as `[@key]`,\n")
            .Append("using an id from input/citations.json.\n");
        var file = Path.Combine(folder, fileName);
        File.WriteAllText(file, text.ToString());
        return new(file, null);
    }

    private static string Strip(string name) => UrlPaths.NumberPrefix(name).Name;

    /// <summary>A YAML double-quoted string, so titles with ':' or '#' stay one value.</summary>
    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
