using System.Text;

namespace SiteGen.Engine;

/// <summary>
/// Reads a text file as strict UTF-8: a byte-order mark is dropped, CRLF becomes LF, and bytes
/// that are not UTF-8 are reported at their line and column instead of turning into '?'.
/// </summary>
public static class TextDecoding
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads a source file through <see cref="SourceFiles"/>' rule; null, with an error, when it is refused or not UTF-8.</summary>
    public static string? Read(SourceFile file, string displayPath, Diagnostics diagnostics) =>
        SourceFiles.ReadBytes(file, displayPath, diagnostics) is { } bytes ? Decode(bytes, displayPath, diagnostics) : null;

    public static string? Decode(ReadOnlySpan<byte> bytes, string displayPath, Diagnostics diagnostics)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        try
        {
            var text = Strict.GetString(bytes);
            return text.Contains('\r') ? text.Replace("\r\n", "\n").Replace('\r', '\n') : text;
        }
        catch (DecoderFallbackException)
        {
            var (line, column) = FirstInvalidByte(bytes);
            diagnostics.Error(displayPath, line, column,
                "the file is not valid UTF-8. Save it as UTF-8 (most editors offer this under 'Save with encoding').");
            return null;
        }
    }

    private static (int Line, int Column) FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        // ToUtf16 stops at the first invalid sequence and tells how many bytes were good before it.
        System.Text.Unicode.Utf8.ToUtf16(bytes, new char[bytes.Length], out var goodBytes, out _, replaceInvalidSequences: false);
        var good = bytes[..goodBytes];
        var lineStart = good.LastIndexOf((byte)'\n') + 1;
        return (good.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(good[lineStart..]) + 1);
    }
}
