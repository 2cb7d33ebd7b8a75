namespace SiteGen.Engine;

/// <summary>Replaces a file (the citations file, its lock, a build cache entry) so that it is either as it was or whole: never half written.</summary>
public static class AtomicFile
{
    /// <summary>
    /// Writes the bytes beside the file, then moves them over it in one step. The file beside is
    /// named for the process and thread, so two writers at once (two builds sharing a cache) each
    /// move a whole file; it is removed when the write fails.
    /// </summary>
    public static void Write(string path, byte[] bytes)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            try { File.Delete(temporary); } catch (Exception gone) when (gone is IOException or UnauthorizedAccessException) { }
            throw;
        }
    }
}
