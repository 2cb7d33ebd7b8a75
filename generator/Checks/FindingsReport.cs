using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using SiteGen.Engine;

namespace SiteGen.Checks;

/// <summary>Prints findings for people (text), GitHub Actions (annotations), or other CI systems (JSON, JUnit).</summary>
public static class FindingsReport
{
    public static readonly string[] Formats = ["text", "github", "json", "junit"];

    public static string Format(IReadOnlyList<Diagnostic> findings, string format) => format switch
    {
        "github" => GitHub(findings),
        "json" => Json(findings),
        "junit" => JUnit(findings),
        _ => string.Concat(findings.Select(f => f + "\n")),
    };

    /// <summary>Workflow commands: GitHub shows each one on the file and line of the pull request.</summary>
    private static string GitHub(IReadOnlyList<Diagnostic> findings)
    {
        var text = new StringBuilder();
        foreach (var f in findings)
        {
            text.Append(f.Severity == Severity.Error ? "::error" : "::warning");
            var properties = new List<string>();
            if (f.File.Length > 0) properties.Add("file=" + Escape(f.File, property: true));
            if (f.Line > 0) properties.Add($"line={f.Line}");
            if (f.Column > 0) properties.Add($"col={f.Column}");
            if (f.Rule is not null) properties.Add("title=" + Escape(f.Rule, property: true));
            if (properties.Count > 0) text.Append(' ').AppendJoin(',', properties);
            text.Append("::").Append(Escape(f.Message, property: false)).Append('\n');
        }
        return text.ToString();
    }

    private static string Escape(string value, bool property)
    {
        var escaped = value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
        return property ? escaped.Replace(":", "%3A").Replace(",", "%2C") : escaped;
    }

    private static string Json(IReadOnlyList<Diagnostic> findings)
    {
        var list = new JsonArray();
        foreach (var f in findings)
        {
            // Only what a finding has: no file, line or column it does not know.
            var finding = new JsonObject { ["severity"] = f.Severity == Severity.Error ? "error" : "warning" };
            if (f.Rule is not null) finding["rule"] = f.Rule;
            if (f.File.Length > 0) finding["file"] = f.File;
            if (f.Line > 0) finding["line"] = f.Line;
            if (f.Column > 0) finding["column"] = f.Column;
            finding["message"] = f.Message;
            list.Add((JsonNode)finding);
        }
        return list.ToJsonString(new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "'" as written, not \u0027: the file is data, not HTML
        }) + "\n";
    }

    /// <summary>One test case per rule; each error is a failure, so CI dashboards show what broke.</summary>
    private static string JUnit(IReadOnlyList<Diagnostic> findings)
    {
        var rules = CheckRule.Defaults.Keys.Concat(findings.Select(f => f.Rule ?? "build")).Distinct().Order(StringComparer.Ordinal).ToList();
        var suite = new XElement("testsuite",
            new XAttribute("name", "sitegen check"),
            new XAttribute("tests", rules.Count),
            new XAttribute("failures", rules.Count(r => findings.Any(f => (f.Rule ?? "build") == r && f.Severity == Severity.Error))));
        foreach (var rule in rules)
        {
            var testCase = new XElement("testcase", new XAttribute("classname", "sitegen"), new XAttribute("name", rule));
            var errors = findings.Where(f => (f.Rule ?? "build") == rule && f.Severity == Severity.Error).ToList();
            if (errors.Count > 0)
                testCase.Add(new XElement("failure", new XAttribute("message", $"{errors.Count} problems"), string.Join("\n", errors)));
            var warnings = findings.Where(f => (f.Rule ?? "build") == rule && f.Severity == Severity.Warning).ToList();
            if (warnings.Count > 0) testCase.Add(new XElement("system-out", string.Join("\n", warnings)));
            suite.Add(testCase);
        }
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement("testsuites", suite)).ToString() + "\n";
    }
}
