using HealthFunctions.Publishing.Tests.Support;

namespace HealthFunctions.Publishing.Tests;

/// <summary>What a post gets when its front matter leaves a field out.</summary>
public sealed class DefaultsTests
{
    [Theory]
    [InlineData("2024-05-01-ketamine-infusions.md", "ketamine-infusions")]
    [InlineData("posts/2024/2024-05-01-ketamine-infusions.md", "ketamine-infusions")]
    [InlineData("posts\\2024\\2024-05-01-Ketamine Infusions.markdown", "ketamine-infusions")]
    [InlineData("ketamine-infusions.md", "ketamine-infusions")]
    [InlineData("Sleep_Hygiene Basics.md", "sleep-hygiene-basics")]
    [InlineData("2024-05-01.md", "2024-05-01")]
    public void Given_no_slug_When_rendered_Then_the_slug_comes_from_the_file_name_without_its_date(string sourceName, string slug)
    {
        var post = TestPosts.Render("---\ntitle: T\ndate: 2024-05-01\n---\nBody.\n", sourceName);

        Assert.Equal(slug, post.Slug);
    }

    [Fact]
    public void Given_no_date_When_the_file_name_starts_with_one_Then_that_is_the_date()
    {
        var post = TestPosts.Render("---\ntitle: T\n---\nBody.\n", "2013-05-06-staying-hydrated.md");

        Assert.Equal(new DateTimeOffset(2013, 5, 6, 0, 0, 0, TimeSpan.Zero), post.Published);
    }

    [Fact]
    public void Given_a_front_matter_date_When_the_file_name_has_another_Then_the_front_matter_wins()
    {
        var post = TestPosts.Render("---\ntitle: T\ndate: 2013-05-06 02:12:52 +0200\n---\nBody.\n", "2013-05-07-staying-hydrated.md");

        Assert.Equal(new DateTimeOffset(2013, 5, 6, 0, 12, 52, TimeSpan.Zero), post.Published);
        Assert.Equal("staying-hydrated", post.Slug);
    }

    [Fact]
    public void Given_an_explicit_slug_When_the_file_name_differs_Then_the_explicit_slug_wins()
    {
        var post = TestPosts.Render("---\ntitle: T\ndate: 2024-05-01\nslug: my-own-slug\n---\nBody.\n", "2024-05-01-file-name.md");

        Assert.Equal("my-own-slug", post.Slug);
    }

    [Fact]
    public void Given_a_file_name_with_an_impossible_date_Then_it_is_part_of_the_slug_and_not_a_date()
    {
        var post = TestPosts.Render("---\ntitle: T\ndate: 2024-05-01\n---\nBody.\n", "2024-13-45-odd.md");

        Assert.Equal("2024-13-45-odd", post.Slug);
    }

    [Fact]
    public void Given_no_title_When_the_text_starts_with_a_heading_Then_it_is_the_title_and_is_not_repeated_in_the_body()
    {
        var post = TestPosts.Render("# Understanding *migraine* triggers\n\nMost people with migraine notice patterns.\n\n## Sleep\n\nIrregular sleep.\n", "2023-11-02-migraine.md");

        Assert.Equal("Understanding migraine triggers", post.Title);
        Assert.DoesNotContain("<h1", post.Html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"sleep\">Sleep</h2>", post.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_no_title_When_the_heading_is_setext_style_Then_it_is_the_title()
    {
        var post = TestPosts.Render("Managing hay fever\n==================\n\nBody.\n", "2024-04-01-hay-fever.md");

        Assert.Equal("Managing hay fever", post.Title);
    }

    [Fact]
    public void Given_a_front_matter_title_When_the_text_also_has_a_heading_Then_the_heading_stays_in_the_body()
    {
        var post = TestPosts.Render("---\ntitle: From front matter\ndate: 2024-05-01\n---\n# Also a heading\n\nBody.\n");

        Assert.Equal("From front matter", post.Title);
        Assert.Contains("<h1 id=\"also-a-heading\">Also a heading</h1>", post.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_title_with_line_breaks_or_runs_of_spaces_is_collapsed_to_one_line()
    {
        var post = TestPosts.Render("---\ntitle: >\n  Folded   title\n  over lines\ndate: 2024-05-01\n---\nBody.\n");

        Assert.Equal("Folded title over lines", post.Title);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(400, 2)]
    [InlineData(401, 3)]
    public void Reading_time_is_words_over_200_rounded_up_and_at_least_one_minute(int words, int minutes)
    {
        var body = words == 0 ? "![only an image](https://images.example.org/a.png)" : string.Join(' ', Enumerable.Repeat("word", words));

        var post = TestPosts.RenderBody(body);

        Assert.Equal(words, post.WordCount);
        Assert.Equal(minutes, post.ReadingMinutes);
    }

    [Fact]
    public void Reading_speed_and_excerpt_length_follow_the_options()
    {
        var renderer = TestPosts.Create(options =>
        {
            options.WordsPerMinute = 100;
            options.ExcerptLength = 20;
        });

        var post = renderer.Render("x.md", PostFile.Markdown(body: string.Join(' ', Enumerable.Repeat("word", 150))));

        Assert.Equal(2, post.ReadingMinutes);
        Assert.Equal("word word word word…", post.Excerpt);
    }
}
