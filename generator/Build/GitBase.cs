using System.Diagnostics;
using System.Formats.Tar;

namespace SiteGen.Build;

/// <summary>
/// The input folder as a git commit had it (`--base REF` of `diff` and `check`), written to a
/// temporary folder from `git archive`, so the working tree is never touched. Only files under
/// the input folder are written, and only inside the temporary folder.
/// </summary>
public sealed class GitBase : IDisposable
{
    /// <summary>The input folder as it was at the commit.</summary>
    public string Input { get; }

    private readonly string _root;

    private GitBase(string root)
    {
        _root = root;
        Input = Path.Combine(root, "input");
        Directory.CreateDirectory(Input);
    }

    /// <summary>The input folder at <paramref name="gitRef"/>; null with a message saying what to do when it cannot be had.</summary>
    public static (GitBase? Base, string? Error) Extract(string inputFolder, string gitRef)
    {
        var input = Path.GetFullPath(inputFolder);
        var (code, top, error) = Git(input, "rev-parse", "--show-toplevel");
        if (code != 0) return (null, $"--base needs a git repository, and '{inputFolder}' is not in one ({error.Trim()}).");
        var repository = Text(top).Trim();
        if (gitRef.StartsWith('-') || Git(input, "rev-parse", "--verify", "--quiet", gitRef + "^{commit}").Code != 0)
            return (null, $"--base '{gitRef}' is not a commit, branch or tag of this repository; fetch it first (in GitHub Actions: actions/checkout with fetch-depth: 0).");
        var relative = Path.GetRelativePath(repository, input).Replace('\\', '/');
        var (archived, tar, archiveError) = Git(repository, "archive", "--format=tar", gitRef, "--", relative == "." ? "." : relative);
        var extracted = new GitBase(Path.Combine(Path.GetTempPath(), "sitegen-base-" + Guid.NewGuid().ToString("N")));
        if (archived != 0)
        {
            extracted.Dispose();
            return (null, $"the input folder '{relative}' did not exist at {gitRef} ({archiveError.Trim()}).");
        }
        using var reader = new TarReader(new MemoryStream(tar));
        var prefix = relative == "." ? "" : relative + "/";
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || !entry.Name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var inside = entry.Name[prefix.Length..];
            if (inside.Split('/').Any(s => s is "" or "." or "..")) continue;
            var target = Path.Combine(extracted.Input, inside.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            entry.ExtractToFile(target, overwrite: true);
        }
        return (extracted, null);
    }

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    private static (int Code, byte[] Out, string Error) Git(string folder, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        try
        {
            using var process = Process.Start(start)!;
            using var output = new MemoryStream();
            var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(120_000))
            {
                process.Kill(entireProcessTree: true);
                return (-1, [], "git did not finish within 2 minutes");
            }
            copy.Wait();
            return (process.ExitCode, output.ToArray(), error.Result);
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return (-1, [], $"git could not be run: {ex.Message}; install git");
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
