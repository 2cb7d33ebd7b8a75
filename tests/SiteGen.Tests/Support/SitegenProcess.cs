using System.Diagnostics;

namespace SiteGen.Tests.Support;

/// <summary>
/// Runs the real `sitegen` program as a user would, and returns its exit code and output: the
/// program the tests were built with, or the one SITEGEN_EXE names (the natively compiled
/// sitegen, which .ci/run tests this way: <c>dotnet test --filter Category=program</c>).
/// </summary>
public static class SitegenProcess
{
    /// <summary>The trait of every test that runs the program, so they can be run against another build of it.</summary>
    public const string Category = "program";

    /// <summary>The natively compiled program under test, when SITEGEN_EXE names one.</summary>
    public static string? Native => Environment.GetEnvironmentVariable("SITEGEN_EXE") is { Length: > 0 } exe ? Path.GetFullPath(exe) : null;

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var native = Native;
        var start = new ProcessStartInfo(native ?? "dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        if (native is null) start.ArgumentList.Add(typeof(SiteGen.Program).Assembly.Location);
        // Nothing kept between the tests' builds (a test that wants a cache names one): each program minifies for itself, and the user's cache is left alone.
        start.Environment[SiteGen.Engine.DiskCache.Variable] = "";
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    public static (int Code, string Out, string Err) Run(string workingDirectory, params string[] args) =>
        Run(workingDirectory, new Dictionary<string, string>(), args);

    /// <summary>sitegen with extra environment variables (the registries' SITEGEN_*_API addresses).</summary>
    public static (int Code, string Out, string Err) Run(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(workingDirectory, args);
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "sitegen did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
