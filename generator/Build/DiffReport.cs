using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SiteGen.Build;

/// <summary>Prints a <see cref="SiteDiffResult"/> for people (text), for a pull-request comment or job summary (Markdown), or as JSON.</summary>
public static class DiffReport
{
    public static readonly string[] Formats = ["text", "markdown", "json"];

    public static string Format(SiteDiffResult diff, string format) => format switch
    {
        "markdown" => Markdown(diff),
        "json" => Json(diff),
        _ => Text(diff),
    };

    private static string Summary(SiteDiffResult diff) =>
        $"{diff.Changed.Count} page{(diff.Changed.Count == 1 ? "" : "s")} changed, {diff.Added.Count} added, {diff.Removed.Count} removed";

    private static string Text(SiteDiffResult diff)
    {
        var text = new StringBuilder();
        foreach (var page in diff.Added) text.Append($"added: {page.Path} ({page.Title})\n");
        foreach (var page in diff.Removed) text.Append($"removed: {page.Path} ({page.Title})\n");
        foreach (var page in diff.Changed)
        {
            text.Append($"changed: {page.Path} ({page.Title})\n");
            foreach (var sentence in page.Removed) text.Append($"  - {sentence}\n");
            foreach (var sentence in page.Added) text.Append($"  + {sentence}\n");
            if (page.CitationsRemoved.Count > 0) text.Append($"  citations removed: {string.Join(", ", page.CitationsRemoved)}\n");
            if (page.CitationsAdded.Count > 0) text.Append($"  citations added: {string.Join(", ", page.CitationsAdded)}\n");
        }
        return text.Append(Summary(diff)).Append('\n').ToString();
    }

    private static string Markdown(SiteDiffResult diff)
    {
        var text = new StringBuilder("## What this change does to the site\n\n").Append(Summary(diff)).Append(".\n");
        if (diff.Added.Count > 0) text.Append("\n**Added:** ").AppendJoin(", ", diff.Added.Select(p => $"`{p.Path}` ({Escape(p.Title)})")).Append('\n');
        if (diff.Removed.Count > 0) text.Append("\n**Removed:** ").AppendJoin(", ", diff.Removed.Select(p => $"`{p.Path}` ({Escape(p.Title)})")).Append('\n');
        foreach (var page in diff.Changed)
        {
            text.Append($"\n### {Escape(page.Title)} (`{page.Path}`)\n\n");
            if (page.Removed.Count + page.Added.Count > 0)
            {
                // A diff block shows removed and added lines in red and green, and needs no escaping.
                var fence = page.Removed.Concat(page.Added).Any(s => s.Contains("```", StringComparison.Ordinal)) ? "~~~~" : "```";
                text.Append(fence).Append("diff\n");
                foreach (var sentence in page.Removed) text.Append("- ").Append(sentence).Append('\n');
                foreach (var sentence in page.Added) text.Append("+ ").Append(sentence).Append('\n');
                text.Append(fence).Append('\n');
            }
            if (page.CitationsRemoved.Count > 0) text.Append("\nCitations removed: ").AppendJoin(", ", page.CitationsRemoved.Select(c => $"`{c}`")).Append('\n');
            if (page.CitationsAdded.Count > 0) text.Append("\nCitations added: ").AppendJoin(", ", page.CitationsAdded.Select(c => $"`{c}`")).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A title as Markdown text: its markup characters escaped.</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string Json(SiteDiffResult diff)
    {
        static JsonArray Texts(IEnumerable<string> texts) => new([.. texts.Select(t => (JsonNode)t)]);
        var data = new JsonObject
        {
            ["added"] = new JsonArray([.. diff.Added.Select(p => new JsonObject { ["path"] = p.Path, ["title"] = p.Title })]),
            ["removed"] = new JsonArray([.. diff.Removed.Select(p => new JsonObject { ["path"] = p.Path, ["title"] = p.Title })]),
            ["changed"] = new JsonArray([.. diff.Changed.Select(p => new JsonObject
            {
                ["path"] = p.Path, ["title"] = p.Title, ["removed_sentences"] = Texts(p.Removed), ["added_sentences"] = Texts(p.Added),
                ["citations_removed"] = Texts(p.CitationsRemoved), ["citations_added"] = Texts(p.CitationsAdded),
            })]),
        };
        return data.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }
}
