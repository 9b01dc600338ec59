using System.Globalization;
using System.Text;
using HealthFunctions.Publishing.Tests.Support;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Tests;

public sealed class ExcerptTests
{
    private const string LongParagraph =
        "Intravenous ketamine is given slowly over about forty minutes in a clinic, with a nurse checking blood pressure, " +
        "heart rate and oxygen levels throughout the session and for a while afterwards.";

    [Fact]
    public void Given_a_summary_field_Then_the_excerpt_is_the_summary()
    {
        var post = TestPosts.Render("---\ntitle: T\ndate: 2024-05-01\nsummary: What an infusion day looks like.\n---\nOpening paragraph.\n");

        Assert.Equal("What an infusion day looks like.", post.Excerpt);
    }

    [Fact]
    public void Given_a_more_divider_Then_the_excerpt_is_the_text_before_it()
    {
        var post = TestPosts.RenderBody("First paragraph.\n\nSecond paragraph.\n\n<!--more-->\n\nAfter the divider.");

        Assert.Equal("First paragraph. Second paragraph.", post.Excerpt);
        Assert.DoesNotContain("more", post.Html, StringComparison.Ordinal);
        Assert.Contains("After the divider.", post.Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<!-- more -->")]
    [InlineData("<!--MORE-->")]
    [InlineData("  <!--more-->  ")]
    public void Regression_more_divider_with_spaces_or_capitals_was_ignored(string divider)
    {
        var post = TestPosts.RenderBody($"Before.\n\n{divider}\n\nAfter.");

        Assert.Equal("Before.", post.Excerpt);
    }

    [Fact]
    public void Given_a_more_divider_inside_a_paragraph_Then_it_is_not_a_divider()
    {
        var post = TestPosts.RenderBody("Before <!--more--> inline.\n\nAfter.");

        Assert.Equal("Before inline. After.", post.Excerpt);
    }

    [Fact]
    public void Given_no_summary_or_divider_Then_the_excerpt_is_the_opening_paragraphs_cut_to_150_characters()
    {
        var post = TestPosts.RenderBody($"## Overview\n\n{LongParagraph}\n\nSecond paragraph.");

        Assert.Equal(
            "Intravenous ketamine is given slowly over about forty minutes in a clinic, with a nurse checking blood pressure, heart rate and oxygen levels…",
            post.Excerpt);
    }

    [Fact]
    public void The_opening_skips_headings_code_tables_images_and_raw_html()
    {
        var post = TestPosts.RenderBody("""
            ## A heading

            ```
            code();
            ```

            | Col | Col |
            |-----|-----|
            | a   | b   |

            <div>raw block</div>

            ![An image](https://images.example.org/x.png)
            The first real sentence.
            """);

        Assert.Equal("The first real sentence.", post.Excerpt);
    }

    [Fact]
    public void The_excerpt_is_plain_text_with_entities_decoded_and_white_space_collapsed()
    {
        var post = TestPosts.RenderBody("Salt &amp; *sugar*   in **moderation**,\nsays the [NHS](https://www.nhs.uk) &mdash; `5 g` a day&#33;");

        Assert.Equal("Salt & sugar in moderation, says the NHS — 5 g a day!", post.Excerpt);
    }

    [Fact]
    public void The_excerpt_never_contains_text_from_script_or_style()
    {
        var post = TestPosts.RenderBody("<script>var secret = 1;</script>\n\nVisible <style>.x{color:red}</style>words <script>alert('x')</script>only.");

        Assert.Equal("Visible words only.", post.Excerpt);
    }

    [Fact]
    public void Regression_summary_markup_and_entities_leaked_into_the_excerpt()
    {
        var post = TestPosts.Render("---\ntitle: T\ndate: 2024-05-01\nsummary: \"**Ketamine** &amp; <b>depression</b>: the [evidence](https://example.org)\"\n---\nBody.\n");

        Assert.Equal("Ketamine & depression: the evidence", post.Excerpt);
        Assert.Equal("Ketamine & depression: the evidence", post.Description);
    }

    [Fact]
    public void Regression_table_cells_became_the_excerpt_of_a_post_that_opens_with_a_table()
    {
        var post = TestPosts.RenderBody("| Day | Meal |\n|---|---|\n| Mon | Oats |\n\nPlan the week on Sunday.");

        Assert.Equal("Plan the week on Sunday.", post.Excerpt);
    }

    [Fact]
    public void Regression_excerpt_ran_on_into_list_items_and_the_next_section()
    {
        var post = TestPosts.RenderBody("Short opening.\n\n- [x] a task\n- [ ] another\n\n## Later section\n\nLater text.");

        Assert.Equal("Short opening.", post.Excerpt);
    }

    [Fact]
    public void Given_a_post_that_opens_with_a_block_quote_Then_the_quote_is_part_of_the_opening()
    {
        var post = TestPosts.RenderBody("> Let food be thy medicine.\n\nSo the saying goes.");

        Assert.Equal("Let food be thy medicine. So the saying goes.", post.Excerpt);
    }

    [Fact]
    public void Given_a_post_with_only_a_list_Then_the_excerpt_falls_back_to_the_list_text()
    {
        var post = TestPosts.RenderBody("- Drink water\n- Sleep well");

        Assert.Equal("Drink water Sleep well", post.Excerpt);
    }

    [Fact]
    public void A_long_summary_is_cut_like_any_other_excerpt_but_the_description_keeps_it_whole()
    {
        var post = TestPosts.Render($"---\ntitle: T\ndate: 2024-05-01\nsummary: \"{LongParagraph}\"\n---\nBody.\n");

        Assert.EndsWith("…", post.Excerpt, StringComparison.Ordinal);
        Assert.Equal(LongParagraph, post.Description);
    }

    [Theory]
    [InlineData(20)]
    [InlineData(57)]
    [InlineData(150)]
    public void Cut_stays_within_the_limit_and_ends_on_a_whole_word(int limit)
    {
        var cut = Excerpts.Cut(LongParagraph, limit);

        var head = cut[..^1];
        Assert.EndsWith(Excerpts.Ellipsis, cut, StringComparison.Ordinal);
        Assert.True(head.Length <= limit, $"{head.Length} > {limit}");
        Assert.StartsWith(head, LongParagraph, StringComparison.Ordinal);
        Assert.False(char.IsLetterOrDigit(LongParagraph[head.Length]), $"cut inside a word: '{cut}'");
    }

    [Fact]
    public void Cut_leaves_short_text_alone_apart_from_collapsing_white_space()
    {
        Assert.Equal("Short text.", Excerpts.Cut("  Short \n\t text.  ", 150));
    }

    [Fact]
    public void Cut_drops_trailing_punctuation_before_the_ellipsis()
    {
        Assert.Equal("Rest, hydrate…", Excerpts.Cut("Rest, hydrate, and see a doctor if it persists.", 15));
    }

    [Fact]
    public void Cut_never_splits_a_word_made_of_astral_characters_around_the_limit()
    {
        // Every position from the limit's neighbourhood falls inside or beside a surrogate pair.
        var text = "Feeling 😀😀😀 better 𝒜𝒷𝒸 today 👨‍👩‍👧 with family 🇬🇧 and friends";
        for (var limit = 20; limit < text.Length; limit++)
        {
            var cut = Excerpts.Cut(text, limit);
            var head = cut.EndsWith(Excerpts.Ellipsis, StringComparison.Ordinal) ? cut[..^1] : cut;

            AssertWellFormed(cut);
            Assert.True(head.Length <= limit);
            Assert.StartsWith(head, text, StringComparison.Ordinal);
            Assert.True(head.Length == text.Length || text[head.Length] == ' ', $"limit {limit}: cut inside a word: '{cut}'");
        }
    }

    [Fact]
    public void Cut_of_one_word_longer_than_the_limit_falls_between_whole_graphemes()
    {
        var text = string.Concat(Enumerable.Repeat("👨‍👩‍👧🇬🇧é\u0301", 40));
        for (var limit = 20; limit < 40; limit++)
        {
            var cut = Excerpts.Cut(text, limit);
            var head = cut[..^1];

            AssertWellFormed(cut);
            Assert.True(head.Length <= limit);
            Assert.StartsWith(head, text, StringComparison.Ordinal);
            Assert.Equal(head.Length, TextElementBoundary(text, head.Length));
        }
    }

    [Fact]
    public void Given_a_rendered_post_with_emoji_around_the_cut_Then_the_excerpt_is_well_formed()
    {
        var body = string.Concat(Enumerable.Repeat("Hydrate 💧 often 🧊🧊 ", 20));

        var excerpt = TestPosts.RenderBody(body).Excerpt;

        AssertWellFormed(excerpt);
        Assert.True(excerpt.Length <= 151);
        Assert.EndsWith("…", excerpt, StringComparison.Ordinal);
    }

    private static void AssertWellFormed(string text)
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var bytes = strict.GetBytes(text); // throws on a lone surrogate
        Assert.NotEmpty(bytes);
    }

    private static int TextElementBoundary(string text, int index)
    {
        var boundaries = StringInfo.ParseCombiningCharacters(text);
        return boundaries.Contains(index) || index == text.Length ? index : -1;
    }
}
