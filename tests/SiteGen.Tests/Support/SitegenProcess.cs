using System.Diagnostics;

namespace SiteGen.Tests.Support;

/// <summary>Runs the real `sitegen` program as a user would, and returns its exit code and output.</summary>
public static class SitegenProcess
{
    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(SiteGen.Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return start;
    }

    public static (int Code, string Out, string Err) Run(string workingDirectory, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(120_000), "sitegen did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
