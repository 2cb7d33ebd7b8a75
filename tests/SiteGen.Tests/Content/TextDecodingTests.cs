using System.Text;
using SiteGen.Content;
using SiteGen.Engine;

namespace SiteGen.Tests.Content;

public class TextDecodingTests
{
    [Fact]
    public void A_byte_order_mark_is_dropped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("---\ntitle: A\n---\n")).ToArray();
        Assert.Equal("---\ntitle: A\n---\n", TextDecoding.Decode(bytes, "p.md", new Diagnostics()));
    }

    [Fact]
    public void Windows_line_endings_become_unix_ones() =>
        Assert.Equal("a\nb\n", TextDecoding.Decode("a\r\nb\r\n"u8, "p.md", new Diagnostics()));

    [Fact]
    public void Bytes_that_are_not_utf8_are_reported_at_their_line_and_column()
    {
        var diagnostics = new Diagnostics();
        byte[] latin1 = [.. "line one\nna"u8, 0xEF, 0xFF, .. "ve\n"u8];
        Assert.Null(TextDecoding.Decode(latin1, "p.md", diagnostics));
        var error = Assert.Single(diagnostics.All);
        Assert.Equal((2, 3), (error.Line, error.Column));
        Assert.Contains("not valid UTF-8", error.Message);
    }
}
