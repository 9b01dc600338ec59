using HealthFunctions.Publishing.Tests.Support;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Tests;

public sealed class WordCountTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("   \n\t ", 0)]
    [InlineData("one", 1)]
    [InlineData("one two  three", 3)]
    [InlineData("don't", 1)]
    [InlineData("don’t", 1)]
    [InlineData("IV-infusion", 1)]
    [InlineData("3.5 mg/kg", 3)]
    [InlineData("snake_case", 1)]
    [InlineData("end. Start", 2)]
    [InlineData("well -- dashes - apart", 3)]
    [InlineData("— — …", 0)]
    [InlineData("I ❤️ my 🫀 and 💉", 3)]
    [InlineData("Café crème", 2)]
    [InlineData("Cafe\u0301 cre\u0300me", 2)]
    [InlineData("𝒜𝒷𝒸 word", 2)]
    [InlineData("Сон и здоровье", 3)]
    [InlineData("睡眠と健康", 1)]
    [InlineData("https://www.nhs.uk/conditions", 3)]
    [InlineData("'quoted' \"words\"", 2)]
    public void A_word_is_a_run_of_letters_or_digits_joined_by_inner_apostrophes_hyphens_periods_or_underscores(string text, int words) =>
        Assert.Equal(words, WordCounter.Count(text));

    [Fact]
    public void The_post_count_includes_prose_headings_lists_tables_quotes_and_footnotes()
    {
        var post = TestPosts.RenderBody("""
            Two words.

            ## Three word heading

            - list item
            > quoted text

            | cell one | cell |
            |---|---|
            | x | y |

            Note[^1].

            [^1]: Footnote text.
            """);

        // 2 + 3 + 2 + 2 + (2 + 1 + 1 + 1) + 1 + 2
        Assert.Equal(17, post.WordCount);
    }

    [Fact]
    public void The_post_count_leaves_out_code_blocks_images_front_matter_comments_and_scripts()
    {
        var post = TestPosts.Render("""
            ---
            title: Not counted either
            date: 2024-05-01
            tags: [not, counted]
            ---
            Counted words here.

            ```python
            not_counted = "in a code block"
            ```

                indented code not counted

            ![alt text not counted](https://images.example.org/x.png)

            <!-- a comment that is not counted -->

            <script>var notCounted = true;</script>

            Inline `code` counts <style>p { not: counted }</style>too.
            """);

        Assert.Equal(7, post.WordCount);
    }

    [Fact]
    public void Regression_text_inside_raw_html_blocks_such_as_details_was_not_counted()
    {
        var post = TestPosts.RenderBody("<details>\n<summary>Side effects</summary>\n<p>Nausea and dizziness are common.</p>\n</details>");

        Assert.Equal(7, post.WordCount);
    }

    [Fact]
    public void Text_the_sanitiser_removes_is_not_counted()
    {
        var post = TestPosts.RenderBody("Kept.\n\n<center>Removed centre text</center>\n\nAlso <font color=red>removed font</font> kept.");

        Assert.DoesNotContain("Removed", post.Html, StringComparison.Ordinal);
        Assert.Equal(3, post.WordCount);
    }

    [Fact]
    public void A_heading_taken_as_the_title_is_not_counted()
    {
        var post = TestPosts.Render("# Title words here\n\nBody has four words.\n", "2024-05-01-x.md");

        Assert.Equal(4, post.WordCount);
    }

    [Fact]
    public void Regression_emoji_were_counted_as_words()
    {
        Assert.Equal(2, WordCounter.Count("Stay 💧 hydrated 🧊🧊"));
    }
}
