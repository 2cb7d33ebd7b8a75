using SiteGen.Content;

namespace SiteGen.Tests.Content;

public class SuggestTests
{
    [Fact]
    public void Suggests_the_closest_known_name() =>
        Assert.Equal("fineberg2023", Suggest.Closest("finberg2023", ["fineberg2023", "lieb2004", "bohus2021"]));

    [Fact]
    public void Suggests_nothing_when_nothing_is_close() =>
        Assert.Null(Suggest.Closest("zzzz", ["fineberg2023", "lieb2004"]));
}
