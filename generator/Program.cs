using System.CommandLine;
using SiteGen.Build;
using SiteGen.Engine;

namespace SiteGen;

/// <summary>The `sitegen` command line. Only parsing and printing live here; the work is in Build/.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var input = new Option<string>("--input") { Description = "Folder with site.yml and the Markdown pages", DefaultValueFactory = _ => "input" };
        var output = new Option<string>("--output") { Description = "Folder the site is written to (replaced whole)", DefaultValueFactory = _ => "output" };
        var theme = new Option<string>("--theme") { Description = "Folder with layout.liquid, partials/ and assets/", DefaultValueFactory = _ => "theme" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site is published at (canonical links, sitemap); overrides site.yml" };
        var verbose = new Option<bool>("--verbose") { Description = "Print a timing line per module, and details of unexpected failures" };
        var workers = new Option<int?>("--workers") { Description = "Pages processed at once (default: one per core)" };
        var strict = new Option<bool>("--strict") { Description = "Treat every warning as an error (for CI)" };

        var build = new Command("build", "Build the static site from the input folder") { input, output, theme, baseUrl, verbose, workers, strict };
        build.SetAction(parsed =>
        {
            var options = new BuildOptions(parsed.GetValue(input)!, parsed.GetValue(output)!, parsed.GetValue(theme)!,
                parsed.GetValue(baseUrl), parsed.GetValue(verbose), parsed.GetValue(workers), parsed.GetValue(strict));
            return RunBuild(options);
        });

        var root = new RootCommand("sitegen: builds an evidence-based medical documentation site from Markdown and a citations file") { build };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine($"sitegen: error: {error.Message}");
            Console.Error.WriteLine("Run 'sitegen --help' for usage.");
            return BuildResult.UsageError;
        }
        return result.Invoke();
    }

    private static int RunBuild(BuildOptions options)
    {
        var log = new Log(Console.Out, options.Verbose);
        BuildResult result;
        try
        {
            result = SiteBuilder.Build(options, log);
        }
        catch (Exception ex) when (!options.Verbose)
        {
            // A bug of ours, not the user's input: say so plainly, and how to see the details.
            Console.Error.WriteLine($"sitegen: error: the build failed unexpectedly ({ex.GetType().Name}: {ex.Message}). Run with --verbose for details, and please report it.");
            return BuildResult.ContentErrors;
        }
        PrintDiagnostics(result.Diagnostics);
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = result.Diagnostics.Count - errors;
        if (result.ExitCode == BuildResult.Success)
            Console.WriteLine($"sitegen: built {result.PageCount} pages, {result.FileCount} files in {result.ElapsedMs} ms" +
                              (warnings > 0 ? $" ({warnings} warning{(warnings == 1 ? "" : "s")})" : "") + $" -> {options.Output}");
        else
            Console.Error.WriteLine($"sitegen: build failed with {errors} errors and {warnings} warnings; {options.Output} was left as it was.");
        return result.ExitCode;
    }

    private const int MaxPrinted = 100;

    private static void PrintDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Take(MaxPrinted)) Console.Error.WriteLine(diagnostic);
        if (diagnostics.Count > MaxPrinted) Console.Error.WriteLine($"sitegen: ... and {diagnostics.Count - MaxPrinted} more");
    }
}
