namespace SiteGen.Engine;

/// <summary>
/// Where a build that writes the site puts its files before they are published (Output/SiteStaging):
/// the steps that write (the search index, the page stream's last step) and the publish step
/// see only this, so the engine knows nothing of how the swap is done.
/// </summary>
public interface IStagedOutput
{
    void WriteText(string outputPath, string text);

    void WriteBytes(string outputPath, ReadOnlySpan<byte> bytes);

    /// <summary>Copies a source file, already checked by <see cref="SourceFiles"/>, to <paramref name="outputPath"/>.</summary>
    void Copy(string outputPath, string source);

    /// <summary>Swaps the staged site in as the output folder.</summary>
    void Publish();

    /// <summary>Removes the staged files of a build that did not publish (nothing once published).</summary>
    void Discard();
}
