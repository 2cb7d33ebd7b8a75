using System.CommandLine;
using System.Net;
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
        var theme = new Option<string>("--theme")
        {
            Description = "Folder with the theme files the site changes (layout.liquid, partials/, assets/); the rest come from the built-in theme",
            DefaultValueFactory = _ => BuildOptions.DefaultTheme,
        };
        var baseUrl = new Option<string?>("--base-url") { Description = "Absolute URL the site is published at (canonical links, sitemap); overrides site.yml" };
        var repository = new Option<string?>("--repository") { Description = "The repository's home page (footer link; GitHub's new-issue form for 'Report a problem'); overrides site.yml" };
        var verbose = new Option<bool>("--verbose") { Description = "Print a timing line per module, and details of unexpected failures" };
        var workers = new Option<int?>("--workers") { Description = "Pages processed at once (default: one per core)" };
        var strict = new Option<bool>("--strict") { Description = "Treat every warning as an error (for CI)" };
        var cacheDir = new Option<string>("--cache-dir")
        {
            Description = $"Folder where a build keeps work for the next one, such as the minified theme files (default: ${DiskCache.Variable}, else the user's cache folder; \"\" for none)",
            DefaultValueFactory = _ => DiskCache.DefaultFolder(),
        };
        foreach (var folder in new[] { input, output, theme })
            folder.Validators.Add(result =>
            {
                if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>())) result.AddError($"{result.Option.Name} needs a folder; it was given an empty value.");
            });
        workers.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 1024) result.AddError("--workers takes a whole number from 1 to 1024.");
        });

        var build = new Command("build", "Build the static site from the input folder") { input, output, theme, baseUrl, repository, verbose, workers, strict, cacheDir };
        build.SetAction(parsed =>
        {
            var options = new BuildOptions(parsed.GetValue(input)!, parsed.GetValue(output)!, parsed.GetValue(theme)!,
                parsed.GetValue(baseUrl), parsed.GetValue(verbose), parsed.GetValue(workers), parsed.GetValue(strict), parsed.GetValue(repository), parsed.GetValue(cacheDir));
            return RunBuild(options);
        });

        var external = new Option<bool>("--external") { Description = "Also check links that leave the site (needs network; never done by default)" };
        var format = new Option<string>("--format") { Description = "How findings are printed", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong(Checks.FindingsReport.Formats);
        var cache = new Option<string>("--cache") { Description = "File that keeps external results between runs (\"\" for none)", DefaultValueFactory = _ => ".sitegen-linkcache.json" };
        var maxCacheAge = new Option<string>("--max-cache-age") { Description = "How long cached results stay valid, e.g. 12h, 1d, 2w", DefaultValueFactory = _ => "1d" };
        var include = new Option<string[]>("--include") { Description = "Only check external URLs matching this regular expression (repeatable)", AllowMultipleArgumentsPerToken = false };
        var exclude = new Option<string[]>("--exclude") { Description = "Never check external URLs matching this regular expression (repeatable)" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds before an external request gives up", DefaultValueFactory = _ => 10 };
        var allowPrivate = new Option<bool>("--allow-private-addresses") { Description = "Also check links to loopback and private-network addresses (an intranet site); refused by default" };
        var concurrency = new Option<int>("--concurrency") { Description = "External requests in flight at once", DefaultValueFactory = _ => 8 };

        var today = new Option<string?>("--today") { Description = "The date to compare reviews with, YYYY-MM-DD (default: today)" };
        today.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } day && !IsoDate.TryParse(day, out _)) result.AddError("--today takes a date written as YYYY-MM-DD.");
        });
        var baseRef = new Option<string?>("--base") { Description = "A git commit, branch or tag to compare with: pages whose text changed since it must have a new 'reviewed' date or 'changes:' entry (check); build it and compare (diff)" };
        var check = new Command("check", "Check the site: links, #anchors, images, alt text, headings, the callout; external links with --external")
        {
            input, output, theme, baseUrl, repository, verbose, strict, external, format, cache, maxCacheAge, include, exclude, timeout, concurrency, allowPrivate, today, baseRef, cacheDir,
        };
        check.SetAction(parsed =>
        {
            var options = new BuildOptions(parsed.GetValue(input)!, parsed.GetValue(output)!, parsed.GetValue(theme)!,
                parsed.GetValue(baseUrl), parsed.GetValue(verbose), Strict: parsed.GetValue(strict), Repository: parsed.GetValue(repository), CacheFolder: parsed.GetValue(cacheDir));
            if (!TryDuration(parsed.GetValue(maxCacheAge)!, out var age))
            {
                Console.Error.WriteLine("sitegen: error: --max-cache-age takes a number and a unit, such as 12h, 1d or 2w.");
                return BuildResult.UsageError;
            }
            Checks.External.ExternalLinkOptions? externalOptions = null;
            if (parsed.GetValue(external))
            {
                try
                {
                    externalOptions = new Checks.External.ExternalLinkOptions
                    {
                        CacheFile = string.IsNullOrEmpty(parsed.GetValue(cache)) ? null : parsed.GetValue(cache), MaxCacheAge = age,
                        Timeout = TimeSpan.FromSeconds(Math.Max(1, parsed.GetValue(timeout))),
                        Concurrency = Math.Max(1, parsed.GetValue(concurrency)),
                        AllowPrivateAddresses = parsed.GetValue(allowPrivate),
                        Include = (parsed.GetValue(include) ?? []).Select(p => new System.Text.RegularExpressions.Regex(p)).ToList(),
                        Exclude = (parsed.GetValue(exclude) ?? []).Select(p => new System.Text.RegularExpressions.Regex(p)).ToList(),
                    };
                }
                catch (ArgumentException ex)
                {
                    Console.Error.WriteLine($"sitegen: error: a pattern given to --include or --exclude is not a valid regular expression: {ex.Message}");
                    return BuildResult.UsageError;
                }
            }
            return RunCheck(options, externalOptions, parsed.GetValue(format)!, Today(parsed.GetValue(today)), parsed.GetValue(baseRef));
        });

        var pagePath = new Argument<string>("path") { Description = "Where the page goes, inside input/, e.g. evidence/new-study" };
        var title = new Option<string>("--title") { Description = "The page title", Required = true };
        var description = new Option<string?>("--description") { Description = "One sentence for search results and link previews" };
        var reviewer = new Option<string[]>("--reviewer") { Description = "Who reviewed the page (repeatable)" };
        var newPage = new Command("new", "Create a page with complete front matter in the right section and order") { pagePath, title, description, reviewer, input };
        newPage.SetAction(parsed =>
        {
            var result = Content.NewPage.Create(parsed.GetValue(input)!, parsed.GetValue(pagePath)!, parsed.GetValue(title)!,
                parsed.GetValue(description), parsed.GetValue(reviewer) ?? [], DateOnly.FromDateTime(DateTime.Now));
            if (result.Error is not null)
            {
                Console.Error.WriteLine($"sitegen: error: {result.Error}");
                return BuildResult.UsageError;
            }
            Console.WriteLine($"sitegen: created {Path.GetRelativePath(Environment.CurrentDirectory, result.CreatedPath!).Replace('\\', '/')}");
            return BuildResult.Success;
        });

        var siteFolder = new Argument<string>("folder") { Description = "Where to create the site (default: this folder)", DefaultValueFactory = _ => "." };
        var citationsFormat = new Option<string>("--citations") { Description = "The citations file to start with: bibtex (citations.bib) or csl (citations.json)", DefaultValueFactory = _ => "bibtex" };
        citationsFormat.AcceptOnlyFromAmong(Content.InitSite.CitationFormats);
        var force = new Option<bool>("--force") { Description = "Write into a folder that is not empty, replacing files of the same names (each is listed)" };
        var init = new Command("init", "Create a starter site that builds, with a GitHub Pages workflow") { siteFolder, citationsFormat, force };
        init.SetAction(parsed =>
        {
            var folder = parsed.GetValue(siteFolder)!;
            var result = Content.InitSite.Create(folder, parsed.GetValue(citationsFormat)!, parsed.GetValue(force), DateOnly.FromDateTime(DateTime.Now));
            foreach (var file in result.Replaced) Console.Error.WriteLine($"sitegen: replaced {file} (--force)");
            if (result.Error is not null)
            {
                Console.Error.WriteLine($"sitegen: error: {result.Error}");
                return BuildResult.UsageError;
            }
            Console.WriteLine($"sitegen: created a site in {folder} ({result.Written.Count} files). Next: " +
                              (folder == "." ? "" : $"cd {folder} && ") + "sitegen build && sitegen serve");
            return BuildResult.Success;
        });

        var ejected = new Argument<string?>("file") { Description = "A built-in theme file, e.g. partials/footer.liquid (none: list them)", DefaultValueFactory = _ => null };
        var themeFolder = new Option<string>("--theme") { Description = "The site's theme folder", DefaultValueFactory = _ => BuildOptions.DefaultTheme };
        var eject = new Command("eject", "Copy a built-in theme file into the site's theme folder, to change it there") { ejected, themeFolder };
        eject.SetAction(parsed =>
        {
            var result = Content.EjectThemeFile.Eject(SitePaths.DefaultBuiltInTheme, parsed.GetValue(themeFolder)!, parsed.GetValue(ejected));
            if (result.Error is not null)
            {
                Console.Error.WriteLine($"sitegen: error: {result.Error}");
                return BuildResult.UsageError;
            }
            if (result.Written is null) foreach (var file in result.Available) Console.WriteLine(file);
            else Console.WriteLine($"sitegen: copied {Path.GetRelativePath(Environment.CurrentDirectory, result.Written).Replace('\\', '/')}; edit it there, and it replaces the built-in one.");
            return BuildResult.Success;
        });
        var themeCommand = new Command("theme", "Work with the built-in theme") { eject };

        var port = new Option<int>("--port") { Description = "Port to listen on", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "Address to listen on (loopback by default; anything else exposes your drafts)", DefaultValueFactory = _ => "127.0.0.1" };
        port.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 0 or > 65535) result.AddError("--port takes a number from 1 to 65535 (0 picks a free one).");
        });
        var allowedHost = new Option<string[]>("--allowed-host") { Description = "Another host name requests may be addressed to (repeatable; localhost and loopback always are)" };
        var serve = new Command("serve", "Serve the site from memory with live reload while you edit") { input, theme, baseUrl, port, host, allowedHost, verbose, cacheDir };
        serve.SetAction(parsed => RunServe(
            new BuildOptions(parsed.GetValue(input)!, "output", parsed.GetValue(theme)!, parsed.GetValue(baseUrl), parsed.GetValue(verbose), CacheFolder: parsed.GetValue(cacheDir)),
            parsed.GetValue(host)!, parsed.GetValue(port), parsed.GetValue(allowedHost) ?? []));

        var reviewFormat = new Option<string>("--format") { Description = "How the table is printed", DefaultValueFactory = _ => "text" };
        reviewFormat.AcceptOnlyFromAmong(ReviewTable.Formats);
        var review = new Command("review", "List every page's review: status, last reviewed, reviewers and next due, the most urgent first")
        {
            input, theme, reviewFormat, today,
        };
        review.SetAction(parsed =>
        {
            var options = new BuildOptions(parsed.GetValue(input)!, "output", parsed.GetValue(theme)!);
            var (check, rows) = ReviewTable.Run(options, Today(parsed.GetValue(today)), new Log(Console.Error, verbose: false));
            if (check.Config is null)
            {
                PrintDiagnostics(check.Diagnostics);
                return check.ExitCode;
            }
            Console.Out.Write(ReviewTable.Format(rows, check.Diagnostics, parsed.GetValue(reviewFormat)!));
            // Overdue reviews fail the command (as they fail `check`), so CI can run it on a schedule.
            return check.Diagnostics.Any(d => d.Rule is CheckRule.ReviewOverdue && d.Severity == Severity.Error) ? BuildResult.ContentErrors : BuildResult.Success;
        });

        var oldOutput = new Argument<string?>("old") { Description = "A built site (an output folder) before the change", DefaultValueFactory = _ => null };
        var newOutput = new Argument<string?>("new") { Description = "The same site built after the change", DefaultValueFactory = _ => null };
        var diffFormat = new Option<string>("--format") { Description = "How the changes are printed (markdown for a pull-request comment or job summary)", DefaultValueFactory = _ => "text" };
        diffFormat.AcceptOnlyFromAmong(DiffReport.Formats);
        var diff = new Command("diff", "List the pages added, removed and changed between two builds, with the changed sentences and citations")
        {
            oldOutput, newOutput, baseRef, input, theme, diffFormat,
        };
        diff.SetAction(parsed =>
        {
            var (result, error) = SiteDiffCommand.Run(parsed.GetValue(oldOutput), parsed.GetValue(newOutput), parsed.GetValue(baseRef),
                new BuildOptions(parsed.GetValue(input)!, "output", parsed.GetValue(theme)!), new Log(Console.Error, verbose: false));
            if (result is null)
            {
                Console.Error.WriteLine($"sitegen: error: {error}");
                return BuildResult.UsageError;
            }
            Console.Out.Write(DiffReport.Format(result, parsed.GetValue(diffFormat)!));
            return BuildResult.Success;
        });

        var refresh = new Option<bool>("--refresh") { Description = "Ask the registries again even for entries checked in the last 7 days" };
        var refsTimeout = new Option<int>("--timeout") { Description = "Seconds before a registry request gives up", DefaultValueFactory = _ => 20 };
        var verify = new Command("verify", "Check every DOI and PMID against Crossref and PubMed (title, authors, year, journal; retractions and corrections) and write input/citations.lock.json")
        {
            input, refresh, refsTimeout,
        };
        verify.SetAction(parsed =>
        {
            var log = new Log(Console.Out, verbose: false);
            var outcome = References.VerifyReferences.Run(
                new References.RefsOptions(parsed.GetValue(input)!, DateOnly.FromDateTime(DateTime.UtcNow), parsed.GetValue(refresh), TimeoutSeconds: Math.Max(1, parsed.GetValue(refsTimeout))), log);
            PrintDiagnostics(outcome.Diagnostics);
            var errors = outcome.Diagnostics.Count(d => d.Severity == Severity.Error);
            Console.WriteLine($"sitegen: checked {Count(outcome.Entries, "reference")} ({outcome.Fetched} fetched): {Count(errors, "error")}, {Count(outcome.Diagnostics.Count - errors, "warning")}");
            return outcome.ExitCode;
        });
        var added = new Argument<string[]>("identifiers") { Description = "DOIs or PMIDs (or their doi.org and PubMed links)", Arity = ArgumentArity.OneOrMore };
        var toFile = new Option<string?>("--to") { Description = "The citations file to add to, inside input/ (default: the site's CSL-JSON or BibTeX file)" };
        var add = new Command("add", "Add works to the citations file from their Crossref and PubMed records, with a stable key and a note saying where they were verified")
        {
            added, input, toFile, refsTimeout,
        };
        add.SetAction(parsed =>
        {
            var log = new Log(Console.Out, verbose: false);
            var outcome = References.AddReferences.Run(
                new References.RefsOptions(parsed.GetValue(input)!, DateOnly.FromDateTime(DateTime.UtcNow), TimeoutSeconds: Math.Max(1, parsed.GetValue(refsTimeout))),
                parsed.GetValue(added) ?? [], parsed.GetValue(toFile), log);
            PrintDiagnostics(outcome.Diagnostics);
            return outcome.ExitCode;
        });
        var refsCommand = new Command("refs", "Check the citations against their registries, and add works by DOI or PMID") { verify, add };

        var root = new RootCommand("sitegen: builds an evidence-based medical documentation site from Markdown and a citations file") { init, build, check, newPage, serve, themeCommand, refsCommand, review, diff };
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors) Console.Error.WriteLine($"sitegen: error: {error.Message}");
            Console.Error.WriteLine("Run 'sitegen --help' for usage.");
            return BuildResult.UsageError;
        }
        return result.Invoke();
    }

    /// <summary>"1 error", "2 errors".</summary>
    private static string Count(int n, string thing) => $"{n} {thing}{(n == 1 ? "" : "s")}";

    private static DateOnly Today(string? given) =>
        given is { } day && IsoDate.TryParse(day, out var date) ? date : DateOnly.FromDateTime(DateTime.UtcNow);

    private static int RunBuild(BuildOptions options)
    {
        var log = new Log(Console.Out, options.Verbose, Console.Error, interactive: !Console.IsErrorRedirected);
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
            Console.Error.WriteLine($"sitegen: build failed with {Count(errors, "error")} and {Count(warnings, "warning")}; {options.Output} was left as it was.");
        return result.ExitCode;
    }

    private static int RunServe(BuildOptions options, string host, int port, string[] allowedHosts)
    {
        // The folders first: a server that says "serving" and then answers every request with a 404 helps nobody.
        if (!Directory.Exists(options.Input))
        {
            Console.Error.WriteLine($"sitegen: error: input folder '{options.Input}' does not exist; run from the site's folder or pass --input.");
            return BuildResult.UsageError;
        }
        if (!Directory.Exists(options.Theme) && !(options.Theme == BuildOptions.DefaultTheme && SitePaths.DefaultBuiltInTheme is not null))
        {
            Console.Error.WriteLine($"sitegen: error: theme folder '{options.Theme}' does not exist; pass --theme with the site's theme folder, or leave it out for the built-in theme.");
            return BuildResult.UsageError;
        }
        if (host != "localhost" && (!IPAddress.TryParse(host, out var address)))
        {
            Console.Error.WriteLine($"sitegen: error: --host '{host}' is not an IP address; use 127.0.0.1 (the default) or localhost.");
            return BuildResult.UsageError;
        }
        if (host != "localhost" && !IPAddress.IsLoopback(IPAddress.Parse(host)))
            Console.Error.WriteLine($"sitegen: warning: serving on {host}, not loopback: other machines can read your drafts.");
        var log = new Log(Console.Out, options.Verbose);
        Serve.DevServer server;
        try
        {
            server = new Serve.DevServer(options, host, port, log, allowedHosts: allowedHosts);
            server.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"sitegen: error: cannot listen on {host}:{port} ({ex.Message}); choose another --port.");
            return BuildResult.UsageError;
        }
        Console.WriteLine($"sitegen: serving {server.Address} - edits to {options.Input} and {options.Theme} rebuild and reload open pages; Ctrl+C stops.");
        var stop = new ManualResetEventSlim();
        // Ctrl+C, and SIGTERM as sent by `kill`, `docker stop` or a CI runner, both stop the server cleanly.
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Set(); };
        using var terminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, signal => { signal.Cancel = true; stop.Set(); });
        stop.Wait();
        server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return BuildResult.Success;
    }

    private static int RunCheck(BuildOptions options, Checks.External.ExternalLinkOptions? external, string format, DateOnly today, string? baseRef)
    {
        var log = new Log(Console.Error, options.Verbose);
        BuildResult result;
        try
        {
            result = SiteChecker.Check(options, external, log, today, baseRef);
        }
        catch (Exception ex) when (!options.Verbose)
        {
            Console.Error.WriteLine($"sitegen: error: the check failed unexpectedly ({ex.GetType().Name}: {ex.Message}). Run with --verbose for details, and please report it.");
            return BuildResult.ContentErrors;
        }
        // Machine formats go to standard output so they can be redirected to a file; the text format
        // keeps the build's habit of findings on standard error.
        var report = Checks.FindingsReport.Format(result.Diagnostics, format);
        if (format == "text") Console.Error.Write(report); else Console.Out.Write(report);
        var errors = result.Diagnostics.Count(d => d.Severity == Severity.Error);
        var summary = $"sitegen: checked {Count(result.PageCount, "page")}: {Count(errors, "error")}, {Count(result.Diagnostics.Count - errors, "warning")}" +
                      (external is null ? " (external links not checked; add --external)" : "");
        if (format == "text") Console.WriteLine(summary); else Console.Error.WriteLine(summary);
        return result.ExitCode == BuildResult.UsageError ? result.ExitCode : errors > 0 ? BuildResult.ContentErrors : BuildResult.Success;
    }

    /// <summary>"12h", "1d", "2w", "30m" as a time span.</summary>
    private static bool TryDuration(string text, out TimeSpan duration)
    {
        duration = default;
        if (text.Length < 2 || !double.TryParse(text[..^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var amount)) return false;
        duration = char.ToLowerInvariant(text[^1]) switch
        {
            's' => TimeSpan.FromSeconds(amount), 'm' => TimeSpan.FromMinutes(amount), 'h' => TimeSpan.FromHours(amount),
            'd' => TimeSpan.FromDays(amount), 'w' => TimeSpan.FromDays(7 * amount), _ => TimeSpan.MinValue,
        };
        return duration >= TimeSpan.Zero;
    }

    private const int MaxPrinted = 100;

    private static void PrintDiagnostics(IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics.Take(MaxPrinted)) Console.Error.WriteLine(diagnostic);
        if (diagnostics.Count > MaxPrinted) Console.Error.WriteLine($"sitegen: ... and {diagnostics.Count - MaxPrinted} more");
    }
}
