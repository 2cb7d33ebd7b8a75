namespace SiteGen.Tests.Support;

/// <summary>A test of POSIX behaviour (signals): reported as skipped, not passed, where there is none.</summary>
public sealed class PosixFactAttribute : FactAttribute
{
    public PosixFactAttribute()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) Skip = "SIGTERM is a POSIX signal; this system has none.";
    }
}
