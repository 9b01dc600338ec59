namespace HealthFunctions.Search.Tests;

public sealed class SearchQueryTests
{
    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a\u0001b")]
    [InlineData("tab\tinside")]
    public void Empty_or_control_characters_are_refused(string text)
    {
        Assert.False(SearchQuery.TryParse(text, out _, out var error));
        Assert.Contains("'q'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Over_200_characters_is_refused()
    {
        Assert.False(SearchQuery.TryParse(new string('a', 201), out _, out var error));
        Assert.Contains("200", error, StringComparison.Ordinal);
        Assert.True(SearchQuery.TryParse(new string('a', 200), out _, out _));
    }

    [Fact]
    public void Quoted_text_is_a_phrase_and_the_rest_are_words()
    {
        var query = Docs.Query("diet \"blood  pressure\" salt");

        Assert.Equal(["diet", "salt"], query.Words);
        Assert.Equal(["blood pressure"], query.Phrases);
    }

    [Fact]
    public void An_unmatched_quote_quotes_the_rest()
    {
        var query = Docs.Query("sleep \"deep rest");

        Assert.Equal(["sleep"], query.Words);
        Assert.Equal(["deep rest"], query.Phrases);
    }
}
