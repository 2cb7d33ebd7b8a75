using SiteGen.Build;
using SiteGen.Content;
using SiteGen.Tests.Support;

namespace SiteGen.Tests.EndToEnd;

/// <summary>A new user's path: `sitegen init`, a first build with no theme folder, `sitegen check`, first-run errors.</summary>
public class NewSiteTests
{
    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "sitegen-tests", Guid.NewGuid().ToString("N"), "mysite");

    [Theory]
    [InlineData("bibtex", "citations.bib")]
    [InlineData("csl", "citations.json")]
    public void The_starter_site_builds_and_passes_check_with_the_built_in_theme(string format, string citations)
    {
        var folder = NewFolder();
        var result = InitSite.Create(folder, format, force: false, new DateOnly(2026, 12, 1));
        Assert.Null(result.Error);
        Assert.Contains($"input/{citations}", result.Written);
        Assert.DoesNotContain(result.Written, f => f.StartsWith("input/citations.", StringComparison.Ordinal) && f != $"input/{citations}");
        foreach (var file in new[] { "input/site.yml", "input/index.md", "input/_partials/limitations.md", ".gitignore", ".github/workflows/site.yml", ".config/dotnet-tools.json" })
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        Assert.Contains("REPLACE ME", File.ReadAllText(Path.Combine(folder, "input", citations)));
        Assert.Contains("--base-url", File.ReadAllText(Path.Combine(folder, ".github/workflows/site.yml")));

        // No theme folder in the site: everything comes from the built-in theme.
        // As the shipped workflow runs it: with the repository, whose new-issue form is the readers' feedback route.
        var options = new BuildOptions(Path.Combine(folder, "input"), Path.Combine(folder, "output"), Path.Combine(folder, "theme-that-is-not-there"))
            with { Theme = SitePaths.DefaultBuiltInTheme!, Repository = "https://github.com/example/evidence-site" };
        var build = SiteBuilder.Build(options, Log.Silent);
        Assert.Equal(0, build.ExitCode);
        Assert.Empty(build.Diagnostics);
        var check = SiteChecker.Check(options, null, Log.Silent, today: new DateOnly(2026, 12, 2));
        Assert.Equal(0, check.ExitCode);
        Assert.Empty(check.Diagnostics);
        Assert.Contains("REPLACE ME", File.ReadAllText(Path.Combine(folder, "output", "evidence", "index.html")));
    }

    [Fact]
    public void Init_refuses_a_folder_that_is_not_empty_unless_forced_and_then_names_what_it_replaced()
    {
        var folder = NewFolder();
        Directory.CreateDirectory(Path.Combine(folder, "input"));
        File.WriteAllText(Path.Combine(folder, "input", "site.yml"), "title: Mine\n");
        var refused = InitSite.Create(folder, "bibtex", force: false, new DateOnly(2026, 12, 1));
        Assert.StartsWith($"'{folder}' is not empty", refused.Error);
        Assert.Equal("title: Mine\n", File.ReadAllText(Path.Combine(folder, "input", "site.yml")));
        var forced = InitSite.Create(folder, "bibtex", force: true, new DateOnly(2026, 12, 1));
        Assert.Null(forced.Error);
        Assert.Equal(["input/site.yml"], forced.Replaced);
    }

    [Fact]
    public void A_site_without_its_limitations_partial_gets_one_error_that_says_what_to_write()
    {
        using var site = TempSite.WithPages(("index.md", "---\ntitle: Home\n---\nHello.\n"), ("about.md", "---\ntitle: About\n---\nHi.\n"));
        File.Delete(Path.Combine(site.Input, "_partials", "limitations.md"));
        var result = site.Build();
        var error = Assert.Single(result.Diagnostics);
        Assert.EndsWith("_partials/limitations.md", error.File.Replace('\\', '/'));
        Assert.StartsWith("the evidence-limitations partial is missing; every page carries this callout, so create this file", error.Message);
    }

    /// <summary>
    /// The README's packing commands: the package that names the platform packages, the
    /// framework-dependent one for any platform and, where this machine can compile it (the native
    /// test run in .ci/run, SITEGEN_EXE set), the natively compiled one for this platform, which
    /// `dotnet tool install` then picks. Without a native compiler the packages name only the
    /// framework-dependent one, as the README tells such a machine to do.
    /// </summary>
    [Fact]
    [Trait("Category", SitegenProcess.Category)]
    public void The_packed_tool_installs_and_makes_builds_and_checks_a_new_site_anywhere()
    {
        var root = Path.GetDirectoryName(NewFolder())!;
        Directory.CreateDirectory(root);
        var packages = Path.Combine(root, "packages");
        var tools = Path.Combine(root, "tools");
        var native = SitegenProcess.Native is not null;
        var platform = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        string[] pack = ["pack", Path.Combine(Repo.Root, "generator"), "-c", "Release", "-o", packages, "-p:ContinuousIntegrationBuild=true",
            .. native ? Array.Empty<string>() : ["-p:ToolPackageRuntimeIdentifiers=any"]]; // natively: the platforms SiteGen.csproj names
        Run(Repo.Root, "dotnet", pack);
        Run(Repo.Root, "dotnet", [.. pack, "-r", "any"]);
        if (native) Run(Repo.Root, "dotnet", [.. pack, "-r", platform]);
        // The version just packed, so no package of the same name on a feed can be taken instead.
        var version = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(packages, "sitegen.*.nupkg"), f => !Path.GetFileName(f).StartsWith("sitegen.any.", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith($"sitegen.{platform}.", StringComparison.Ordinal)))["sitegen.".Length..];
        Run(root, "dotnet", "tool", "install", "--tool-path", tools, "--add-source", packages, "--version", version, "sitegen");
        // The native package holds the program itself; the framework-dependent one a small launcher beside sitegen.dll.
        var installed = Directory.GetFiles(Path.Combine(tools, ".store"), "sitegen*", SearchOption.AllDirectories);
        Assert.Equal(native, !installed.Any(f => f.EndsWith("sitegen.dll", StringComparison.Ordinal)));
        var sitegen = Path.Combine(tools, "sitegen");
        Run(root, sitegen, "init", "mysite");
        var site = Path.Combine(root, "mysite");
        var build = Run(site, sitegen, "build");
        Assert.Contains("sitegen: built", build);
        Run(site, sitegen, "check");
        var home = File.ReadAllText(Path.Combine(site, "output", "index.html"));
        Assert.Contains("My evidence site", home);
        Assert.Contains("It is not medical advice", home); // the starter's own disclaimer, from its site.yml
        // Nothing of the ketamine site reaches a new site: no word of it in any file of the output.
        foreach (var file in Directory.EnumerateFiles(Path.Combine(site, "output"), "*", SearchOption.AllDirectories))
            Assert.DoesNotMatch("(?i)ketamin|borderline|\\bBPD\\b", File.ReadAllText(file));
        Assert.True(File.Exists(Path.Combine(site, "output", "assets", "site.css")));
    }

    private static string Run(string folder, string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("SITEGEN_EXE"); // the installed tool runs as itself
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(4)), $"{program} {string.Join(' ', args)} did not finish");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}:\n{output.Result}\n{error.Result}");
        return output.Result;
    }
}
