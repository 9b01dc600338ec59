using System.Text;
using HealthFunctions.Publishing.Tests.Support;

namespace HealthFunctions.Publishing.Tests;

public sealed class RenderingTests
{
    [Fact]
    public void Pipe_tables_render_as_tables_with_alignment()
    {
        var body = Html.Body(TestPosts.RenderBody("| Reading | Meaning |\n|:--|--:|\n| 120/80 | Normal |").Html);

        Assert.Equal("Reading", body.QuerySelector("table > thead > tr > th")!.TextContent);
        Assert.Equal("120/80", body.QuerySelector("table > tbody > tr > td")!.TextContent);
        Assert.Equal("text-align: right", body.QuerySelectorAll("th")[1].GetAttribute("style")!.TrimEnd(';'));
    }

    [Fact]
    public void Task_lists_render_as_read_only_checkboxes()
    {
        var body = Html.Body(TestPosts.RenderBody("- [x] Book the appointment\n- [ ] Arrange a lift home").Html);

        var boxes = body.QuerySelectorAll("li input[type=checkbox]");
        Assert.Equal(2, boxes.Length);
        Assert.All(boxes, box => Assert.True(box.HasAttribute("disabled")));
        Assert.True(boxes[0].HasAttribute("checked"));
        Assert.False(boxes[1].HasAttribute("checked"));
    }

    [Fact]
    public void Strikethrough_renders_as_del()
    {
        Assert.Contains("<del>old advice</del>", TestPosts.RenderBody("~~old advice~~").Html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("See www.nhs.uk today.", "http://www.nhs.uk")]
    [InlineData("See https://www.nhs.uk/conditions/ today.", "https://www.nhs.uk/conditions/")]
    [InlineData("See <https://www.nhs.uk> today.", "https://www.nhs.uk")]
    [InlineData("Email <clinic@example.org> today.", "mailto:clinic@example.org")]
    public void Bare_and_angle_bracket_links_become_links(string body, string href)
    {
        var link = Html.Body(TestPosts.RenderBody(body).Html).QuerySelector("a");

        Assert.Equal(href, link!.GetAttribute("href"));
    }

    [Fact]
    public void Footnotes_render_as_linked_notes_at_the_end()
    {
        var body = Html.Body(TestPosts.RenderBody("Ketamine is an NMDA antagonist[^nmda].\n\n[^nmda]: It blocks the NMDA receptor.").Html);

        Assert.Equal("#fn:1", body.QuerySelector("a.footnote-ref")!.GetAttribute("href"));
        Assert.Contains("It blocks the NMDA receptor.", body.QuerySelector("div.footnotes li#fn\\:1")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Headings_get_stable_github_style_ids_and_repeats_are_numbered()
    {
        var html = TestPosts.RenderBody("## What is ketamine?\n\n## Side effects & risks\n\n## Notes\n\n## Notes").Html;

        Assert.Contains("<h2 id=\"what-is-ketamine\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"side-effects--risks\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"notes\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"notes-1\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_line_endings_give_the_same_post_as_unix_ones()
    {
        const string Unix = "---\ntitle: Hay fever\ndate: 2024-04-01 08:00:00 +0100\ntags:\n  - allergies\n  - spring\nsummary: >\n  Folded\n  summary.\n---\n# Heading\n\nFirst line\nsecond line.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        var windows = Unix.Replace("\n", "\r\n", StringComparison.Ordinal);

        var expected = PublishedJson.Serialize(TestPosts.Render(Unix));
        var actual = PublishedJson.Serialize(TestPosts.Render(windows));

        Assert.Equal(expected, actual.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Equal(["allergies", "spring"], TestPosts.Render(windows).Tags);
        Assert.Equal("Folded summary.", TestPosts.Render(windows).Excerpt);
    }

    [Fact]
    public void A_utf8_byte_order_mark_before_the_front_matter_is_ignored()
    {
        const string Text = "---\r\ntitle: Vitamin D in winter\r\ndate: 2024-01-15\r\n---\r\nShort days mean less sunlight.\r\n";
        var withBom = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Text)).ToArray();

        var post = TestPosts.Renderer.Render("vitamin-d.md", withBom);

        Assert.Equal("Vitamin D in winter", post.Title);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 0, 0, 0, TimeSpan.Zero), post.Published);
        Assert.DoesNotContain("\uFEFF", post.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_a_byte_order_mark_in_text_passed_to_the_renderer_hid_the_front_matter()
    {
        var post = TestPosts.Renderer.Render("vitamin-d.md", "\uFEFF---\ntitle: Vitamin D\ndate: 2024-01-15\n---\nBody.\n");

        Assert.Equal("Vitamin D", post.Title);
        Assert.DoesNotContain("<hr", post.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_empty_front_matter_rendered_as_two_horizontal_rules()
    {
        var post = TestPosts.Render("---\n---\n# Title from heading\n\nBody.\n", "2024-01-01-empty.md");

        Assert.Equal("Title from heading", post.Title);
        Assert.Equal("<p>Body.</p>\n", post.Html);
    }

    [Fact]
    public void A_thematic_break_after_the_front_matter_stays_a_rule()
    {
        var post = TestPosts.RenderBody("Above.\n\n---\n\nBelow.");

        var body = Html.Body(post.Html);
        Assert.Single(body.QuerySelectorAll("hr"));
        Assert.Equal(["Above.", "Below."], body.QuerySelectorAll("p").Select(p => p.TextContent));
    }

    [Fact]
    public void Front_matter_may_start_with_a_blank_line_and_comments()
    {
        var post = TestPosts.Render("---\n\n# a YAML comment\ntitle: Commented # trailing comment\ndate: 2024-05-01\n---\nBody.\n");

        Assert.Equal("Commented", post.Title);
    }

    [Fact]
    public void Raw_html_blocks_and_markdown_inside_details_both_render()
    {
        var body = Html.Body(TestPosts.RenderBody("<details>\n<summary>Who should not have ketamine?</summary>\n\nPeople with **uncontrolled** high blood pressure.\n\n</details>").Html);

        Assert.Equal("Who should not have ketamine?", body.QuerySelector("details > summary")!.TextContent);
        Assert.Equal("uncontrolled", body.QuerySelector("details strong")!.TextContent);
    }
}
