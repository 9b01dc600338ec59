using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Tests.Support;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// Hostile shapes of Markdown that used to crash the process or take seconds: each is now either
/// rendered or refused with an error that names the limit, and never escapes as another exception.
/// </summary>
public sealed class RenderLimitsTests
{
    private static string Repeat(string text, int times) => string.Concat(Enumerable.Repeat(text, times));

    [Fact]
    public void Regression_fifty_thousand_asterisks_no_longer_overflow_the_stack()
    {
        // Issue 14: 50,000 asterisks around a word nest emphasis 12,500 deep, which overflowed the
        // recursive text walk. Over several lines (each within the line limit) they are still refused cleanly.
        var stars = new string('*', 25_000);
        var body = string.Join('\n', stars.Chunk(4_000).Select(c => new string(c))) + "a" + string.Join('\n', stars.Chunk(4_000).Select(c => new string(c)));

        var error = TestPosts.Reject(PostFile.Markdown(body: body));

        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Emphasis_nested_within_the_limit_is_rendered()
    {
        var post = TestPosts.RenderBody(new string('*', 100) + "deep" + new string('*', 100));

        Assert.Equal(1, post.WordCount);
        Assert.Contains("deep", post.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quotes", 9_990)]
    [InlineData("lists", 400)]
    [InlineData("brackets", 9_000)]
    [InlineData("emphasis", 1_600)]
    public void Markdown_nested_past_markdigs_depth_limit_is_refused_with_the_limit_named(string shape, int depth)
    {
        var body = shape switch
        {
            "quotes" => new string('>', depth) + " deep",
            "lists" => string.Concat(Enumerable.Range(0, depth).Select(level => new string(' ', 2 * level) + "- item\n")),
            "brackets" => new string('[', depth),
            _ => Repeat("*a ", depth) + Repeat(" b*", depth),
        };

        var error = TestPosts.Reject(PostFile.Markdown(body: body));

        Assert.Contains("nested too deeply", error.Message, StringComparison.Ordinal);
        Assert.Contains(SourceLimits.MaxNesting.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_longer_than_the_limit_is_refused_with_its_line_number()
    {
        var error = TestPosts.Reject(PostFile.Markdown(body: "Short.\n\n" + Repeat("[a](", 2_501)));

        Assert.Equal(7, error.Line);
        Assert.Contains("10,004 characters long; the limit is 10,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_at_the_limit_is_rendered()
    {
        var post = TestPosts.RenderBody(Repeat("word ", SourceLimits.MaxLineLength / 5).TrimEnd());

        Assert.Equal(SourceLimits.MaxLineLength / 5, post.WordCount);
    }

    [Theory]
    [InlineData("## Same\n\n")]
    [InlineData("> ## Same\n")]
    [InlineData("Same\n---\n\n")]
    [InlineData("- # Same\n")]
    public void More_headings_than_the_limit_are_refused_in_any_container(string heading)
    {
        var error = TestPosts.Reject(PostFile.Markdown(body: Repeat(heading, SourceLimits.MaxHeadings + 1)));

        Assert.Contains("more than 1,000 headings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thousand_identical_headings_are_rendered_with_unique_anchors()
    {
        var post = TestPosts.RenderBody(Repeat("## Same\n\n", SourceLimits.MaxHeadings - 10));

        var ids = Html.Body(post.Html).QuerySelectorAll("h2").Select(h => h.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("<details>\n\nx\n\n")]
    [InlineData("<div>\n")]
    [InlineData("x <b> y\n")]
    [InlineData("<!-- note -->\n\n")]
    public void More_raw_html_tags_than_the_limit_are_refused(string piece)
    {
        var error = TestPosts.Reject(PostFile.Markdown(body: Repeat(piece, SourceLimits.MaxRawHtmlTags + 1)));

        Assert.Contains("2,001 raw HTML tags; the limit is 2,000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Raw_html_tags_up_to_the_limit_are_rendered()
    {
        var post = TestPosts.RenderBody(Repeat("Dose<sup>2</sup>\n\n", SourceLimits.MaxRawHtmlTags / 2));

        Assert.Equal(SourceLimits.MaxRawHtmlTags / 2, Html.Body(post.Html).QuerySelectorAll("sup").Length);
    }

    [Fact]
    public void An_unreadable_date_falls_back_to_the_file_names_date_with_a_warning()
    {
        const string jekyll = "---\ntitle: Jekyll 3.9.3 Released\ndate: 2023-01-29 18:30:22 2023 -0800\n---\nBody.\n";

        var post = TestPosts.Render(jekyll, "_posts/2023-01-29-jekyll-3-9-3-released.markdown");

        Assert.Equal(new DateTimeOffset(2023, 1, 29, 0, 0, 0, TimeSpan.Zero), post.Published);
        var warning = Assert.Single(post.Warnings);
        Assert.StartsWith("'date' (line 3): '2023-01-29 18:30:22 2023 -0800' is not a date", warning, StringComparison.Ordinal);
        Assert.EndsWith("The date in the file name, 2023-01-29, was used instead.", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unreadable_date_without_a_date_in_the_file_name_stays_an_error()
    {
        const string jekyll = "---\ntitle: Jekyll 3.9.3 Released\ndate: 2023-01-29 18:30:22 2023 -0800\n---\nBody.\n";

        var error = TestPosts.Reject(jekyll, "jekyll-3-9-3-released.markdown");

        Assert.Equal("date", error.Field);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Other_unreadable_dates_stay_errors_even_with_a_date_in_the_file_name()
    {
        var error = TestPosts.Reject("---\ntitle: T\nupdated: next week\n---\nBody.\n", "2023-01-29-post.md");

        Assert.Equal("updated", error.Field);
    }
}
