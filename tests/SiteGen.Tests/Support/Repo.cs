namespace SiteGen.Tests.Support;

/// <summary>Finds the repository the tests run from, so they can use the real input/ and theme/.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Input => Path.Combine(Root, "input");
    public static string Theme => Path.Combine(Root, "theme");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SiteGen.sln"))) return dir.FullName;
        throw new InvalidOperationException("SiteGen.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>The built-in theme's English strings, as a build without overrides uses them.</summary>
public static class EnglishWords
{
    public static Words Theme { get; } = TestContext.Create().Templates!.Words;
}
