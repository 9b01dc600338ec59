using HealthFunctions.Publishing.Rendering;
using HealthFunctions.Publishing.Tests.Support;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Tests;

/// <summary>
/// The renderer stores Markdig's own markup for documents without raw HTML and sends documents with
/// any raw HTML through the sanitiser as a whole. These tests pin what an editor sees of that:
/// structure kept across blocks, refused addresses reported, and no post affecting another.
/// </summary>
public sealed class SafeHtmlRendererTests
{
    [Fact]
    public void A_markdown_link_with_a_refused_scheme_becomes_plain_text_and_a_warning()
    {
        var post = TestPosts.RenderBody("Call [the clinic](javascript:alert(1)) today.");

        var paragraph = Html.Body(post.Html).QuerySelector("p")!;
        Assert.Equal("Call the clinic today.", paragraph.TextContent);
        Assert.Null(paragraph.QuerySelector("a"));
        var warning = Assert.Single(post.Warnings);
        Assert.Contains("link 'javascript:alert(1)' was removed", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_markdown_image_with_a_refused_scheme_is_left_out_with_a_warning()
    {
        var post = TestPosts.RenderBody("Before ![chart](data:image/png;base64,AAAA) after.");

        Assert.Null(Html.Body(post.Html).QuerySelector("img"));
        Assert.Contains(post.Warnings, w => w.StartsWith("image 'data:image/png;base64,AAAA' was left out", StringComparison.Ordinal));
    }

    [Fact]
    public void An_autolink_with_a_refused_scheme_is_shown_as_text()
    {
        var post = TestPosts.RenderBody("See <vbscript:msgbox(1)> now.");

        var paragraph = Html.Body(post.Html).QuerySelector("p")!;
        Assert.Null(paragraph.QuerySelector("a"));
        Assert.Contains("vbscript:msgbox(1)", paragraph.TextContent, StringComparison.Ordinal);
        Assert.Single(post.Warnings);
    }

    [Fact]
    public void Raw_html_wrapped_around_markdown_blocks_keeps_its_structure()
    {
        const string body = "<details>\n<summary>Side effects</summary>\n\n- Nausea\n- Dizziness\n\nAsk your GP.\n\n</details>\n\nAfter the box.";

        var document = Html.Body(TestPosts.RenderBody(body).Html);

        Assert.Equal(2, document.QuerySelectorAll("details > ul > li").Length);
        Assert.Equal("Ask your GP.", document.QuerySelector("details > p")!.TextContent);
        Assert.Equal("After the box.", document.QuerySelector("body > p")!.TextContent);
    }

    [Fact]
    public void Raw_html_that_is_never_closed_still_keeps_the_text_after_it()
    {
        const string body = "<div class=\"callout\">\n\nInside *the* callout.\n\n## Next section\n\nMore text <sup>2</sup>.";

        var html = TestPosts.RenderBody(body).Html;
        var document = Html.Body(html);

        Assert.Equal("Next section", document.QuerySelector("h2")!.TextContent);
        Assert.Contains("More text 2.", document.TextContent, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("div.callout em"));
    }

    [Fact]
    public void Blocks_without_raw_html_around_a_run_stay_in_order()
    {
        var document = Html.Body(TestPosts.RenderBody("First.\n\nSecond with <kbd>Esc</kbd>.\n\nThird.\n\n<sup>4</sup>\n\nFifth.").Html);

        Assert.Equal(["First.", "Second with Esc.", "Third.", "4", "Fifth."], document.QuerySelectorAll("p").Select(p => p.TextContent));
    }

    [Fact]
    public void Markdown_inside_a_paragraph_with_raw_html_keeps_its_text_links_and_images()
    {
        var post = TestPosts.RenderBody("Dose *daily* with [food](https://www.nhs.uk/) & water<sup>2</sup>. ![A **pill**](https://images.example.org/p.png)");

        var paragraph = Html.Body(post.Html).QuerySelector("p")!;
        Assert.Equal("Dose daily with food & water2. ", paragraph.TextContent);
        Assert.Equal("daily", paragraph.QuerySelector("em")!.TextContent);
        Assert.Equal("noopener noreferrer", paragraph.QuerySelector("a[href='https://www.nhs.uk/']")!.GetAttribute("rel"));
        Assert.Equal("A pill", paragraph.QuerySelector("img")!.GetAttribute("alt"));
        Assert.DoesNotContain('\uE000', post.Html);
    }

    [Fact]
    public void Marker_characters_an_author_writes_stay_text()
    {
        const string markers = "\uE0000\uE001";
        var post = TestPosts.RenderBody($"One<sup>1</sup> {markers} and &#57344;0&#57345; <kbd>K</kbd>.\n\nTwo <abbr title=\"{markers}\">A</abbr>.");

        var body = Html.Body(post.Html);
        Assert.Equal($"One1 {markers} and {markers} K.", body.QuerySelectorAll("p")[0].TextContent);
        Assert.Equal(markers, body.QuerySelector("abbr")!.GetAttribute("title"));
    }

    [Fact]
    public void Regression_a_link_left_open_in_one_post_does_not_reach_into_the_next_post()
    {
        // Issue 13: with remembered sanitised templates, post b rendered after post a on the same renderer
        // had its second paragraph inside an unclosed <a>; on a fresh renderer it stood outside.
        const string a = "See <a href=\"https://elsewhere.example/\">this</i> site.\n\nMiddle.\n\nEnd<sup>2</sup>.";
        const string b = "See <a href=\"https://elsewhere.example/\">this</i> site.\n\nDr Osei's paragraph.";
        var shared = TestPosts.Create();

        shared.Render("a.md", PostFile.Markdown(body: a));
        var afterA = shared.Render("b.md", PostFile.Markdown(body: b)).Html;
        var fresh = TestPosts.Create().Render("b.md", PostFile.Markdown(body: b)).Html;

        // b's own link is left open, so (as in a browser) it wraps b's later paragraph: always, not only
        // after some other post.
        Assert.Equal(fresh, afterA);
        var paragraphs = Html.Body(afterA).QuerySelectorAll("p");
        Assert.Equal(["See this site.", "Dr Osei's paragraph."], paragraphs.Select(p => p.TextContent));
    }

    [Fact]
    public void A_post_with_raw_html_is_sanitised_as_a_whole_and_one_without_is_markdigs_own_output()
    {
        var policy = new HtmlSafetyPolicy();
        var pipeline = MarkdownPipelineFactory.Create();
        const string plain = "Plain *text* with a [link](https://www.nhs.uk/) & <https://example.org>.";
        const string raw = "Text with <kbd>raw</kbd> HTML and <script>alert(1)</script>.";

        var plainHtml = new SafeHtmlRenderer(pipeline, policy).Render(Markdig.Markdown.Parse(plain, pipeline));
        var rawHtml = new SafeHtmlRenderer(pipeline, policy).Render(Markdig.Markdown.Parse(raw, pipeline));

        Assert.Contains("&amp;", plainHtml, StringComparison.Ordinal);
        Assert.Equal(policy.Sanitize(Markdig.Markdown.ToHtml(raw, pipeline)), rawHtml);
        Assert.DoesNotContain("script", rawHtml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://www.nhs.uk/", true)]
    [InlineData("mailto:clinic@example.org", true)]
    [InlineData("/posts/sleep", true)]
    [InlineData("images/a.png", true)]
    [InlineData("#side-effects", true)]
    [InlineData("?page=2", true)]
    [InlineData("notes/a:b", true)]
    [InlineData("", true)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData(" JavaScript:alert(1)", false)]
    [InlineData("java\tscript:alert(1)", false)]
    [InlineData("java\nscript:alert(1)", false)]
    [InlineData("\u0001javascript:alert(1)", false)]
    [InlineData("data:text/html,x", false)]
    [InlineData("vbscript:msgbox(1)", false)]
    [InlineData("ftp://example.org/file", false)]
    public void Link_addresses_are_judged_as_a_browser_reads_them(string url, bool allowed)
    {
        Assert.Equal(allowed, UrlSchemes.IsAllowed(url));
    }
}
