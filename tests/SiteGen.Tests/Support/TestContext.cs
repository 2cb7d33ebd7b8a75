using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Tests.Support;

/// <summary>An in-memory build context for testing one module alone.</summary>
public static class TestContext
{
    /// <summary>A context with the repository's theme loaded, as the Settings phase leaves it for the steps after it.</summary>
    public static BuildContext Create(string input = "/nonexistent/input", SiteConfig? config = null)
    {
        var context = new BuildContext
        {
            Paths = new SitePaths(input, Repo.Theme, "/nonexistent/output"),
            Config = config ?? new SiteConfig { Title = "Test" },
            Diagnostics = new Diagnostics(),
        };
        context.Templates = ThemeTemplates.Load(context);
        return context;
    }

    public static Document Page(string source, string output, string markdown = "", string title = "") => new()
    {
        SourcePath = source, OutputPath = output, Kind = DocumentKind.Page, Markdown = markdown, Title = title,
        Meta = new PageMeta { Title = title.Length > 0 ? title : null },
    };

    public static string Messages(this BuildContext context) =>
        string.Join("\n", context.Diagnostics.All.Select(d => d.ToString()));
}
