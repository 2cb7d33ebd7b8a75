using System.Text.RegularExpressions;

namespace SiteGen.Tests.Support;

/// <summary>
/// Reads Markdig-style spec files at run time: prose, then examples fenced by a line of 32
/// backticks followed by "example", with the Markdown, a line holding only ".", and the HTML.
/// </summary>
public static partial class SpecFile
{
    private const string Fence = "````````````````````````````````";

    public sealed record Example(string File, int Number, int Line, string Markdown, string Html)
    {
        public override string ToString() => $"{File} example {Number} (line {Line})";
    }

    public static IEnumerable<object[]> Examples(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Specs", fileName);
        var lines = File.ReadAllLines(path);
        var number = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != Fence + " example") continue;
            var start = i + 1;
            var dot = Array.IndexOf(lines, ".", start);
            var end = Array.IndexOf(lines, Fence, dot);
            var markdown = string.Join("\n", lines[start..dot]).Replace('→', '\t') + "\n";
            var html = string.Join("\n", lines[(dot + 1)..end]);
            yield return [new Example(fileName, ++number, i + 1, markdown, html)];
            i = end;
        }
    }

    /// <summary>Compares HTML without caring about line breaks between tags.</summary>
    public static string Compact(string html) => Whitespace().Replace(html.Trim(), " ").Replace("> <", "><");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
