namespace SiteGen.Engine;

/// <summary>Replaces a file the editors keep (the citations file, its lock) so that it is either as it was or whole: never half written.</summary>
public static class AtomicFile
{
    /// <summary>Writes the bytes beside the file, then moves them over it in one step.</summary>
    public static void Write(string path, byte[] bytes)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
