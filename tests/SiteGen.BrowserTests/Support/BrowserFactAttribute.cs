namespace SiteGen.BrowserTests.Support;

/// <summary>
/// A browser test. On a developer machine without Chromium it is skipped with the command that
/// installs it; in CI (CI=true) it always runs, so a missing browser fails the build.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserFixture.ChromiumMissingLocally) Skip = BrowserFixture.MissingMessage;
    }
}

/// <summary>The <see cref="BrowserFactAttribute"/> rule for theories.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (BrowserFixture.ChromiumMissingLocally) Skip = BrowserFixture.MissingMessage;
    }
}
