using System.Globalization;
using SiteGen.Engine;

namespace SiteGen.Tests.Engine;

/// <summary>Front matter's dates are read as the culture's exact parser read them, without its collator.</summary>
public class IsoDateTests
{
    public static TheoryData<string> Texts => new()
    {
        "2026-12-03", "2024-02-29", "2023-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-04-30", "0001-01-01", "0000-01-01",
        "9999-12-31", "2026-1-05", "2026-01-5", "26-01-05", " 2026-01-05", "2026-01-05 ", "2026/01/05", "2026-01-05T00:00", "20260105",
        "2026-01-0a", "２０２６-01-05", "2026-01-05\n", "", "yyyy-MM-dd", "+026-01-05", "-026-01-05", "2026-+1-05",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Accepts_exactly_what_the_exact_culture_parser_accepts(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        Assert.Equal(expected, IsoDate.TryParse(text, out var date));
        Assert.Equal(parsed, date);
    }

    [Fact]
    public void Every_day_of_a_leap_and_a_common_year_reads_back_as_written()
    {
        for (var day = new DateOnly(2023, 1, 1); day < new DateOnly(2025, 1, 1); day = day.AddDays(1))
        {
            Assert.True(IsoDate.TryParse(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out var read));
            Assert.Equal(day, read);
        }
    }
}
