using System.Text.Json;
using HealthFunctions.Site.Pages;

namespace HealthFunctions.Site.Tests;

/// <summary>Content values cannot become markup: escaped in HTML, and unable to leave the JSON-LD script.</summary>
public sealed class EscapingTests
{
    public static TheoryData<string> Breakouts => new()
    {
        "Sleep </script><script>alert(1)</script>",
        "Sleep <!-- <script>",
        "Sleep \u2028 line \u2029 paragraph",
        "Sleep </SCRIPT >&amp; \"quotes\" 'single'",
    };

    [Theory]
    [MemberData(nameof(Breakouts))]
    public async Task A_title_or_tag_cannot_break_out_of_the_json_ld_script(string text)
    {
        var html = await Pages.RenderAsync("post", Pages.PostView(Pages.Post(title: text, tags: [text])));
        var page = Pages.Parse(html);

        var script = Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.DoesNotContain("</", script.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<!--", script.InnerHtml, StringComparison.Ordinal);
        Assert.DoesNotContain('\u2028', script.InnerHtml);
        Assert.DoesNotContain('\u2029', script.InnerHtml);
        var ld = JsonDocument.Parse(script.TextContent).RootElement;
        Assert.Equal(text, ld.GetProperty("headline").GetString());
        Assert.Equal(text, ld.GetProperty("keywords").GetString());
        Assert.Empty(page.QuerySelectorAll("script:not([src]):not([type='application/ld+json'])"));
    }

    [Theory]
    [MemberData(nameof(Breakouts))]
    public async Task Content_values_are_escaped_in_text_and_attributes(string text)
    {
        var view = Pages.PostView(Pages.Post(title: text, tags: [text]));
        var page = Pages.Parse(await Pages.RenderAsync("post", view));

        Assert.Equal(text, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(text + " | Healthy Living", page.Title);
        Assert.Equal(text + " | Healthy Living", page.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));
        Assert.Equal(text, page.QuerySelector("meta[property='article:tag']")!.GetAttribute("content"));
        Assert.Equal(text, page.QuerySelector(".post-tags a")!.TextContent);
        Assert.Empty(page.QuerySelectorAll("h1 *, .post-tags a *"));
    }

    [Fact]
    public void Script_text_keeps_the_value_while_escaping_every_character_that_could_end_the_script()
    {
        var text = StructuredData.ScriptText(new Dictionary<string, object> { ["a"] = "</script><!--&\u2028\u2029é" });

        Assert.Equal("{\"a\":\"\\u003c/script\\u003e\\u003c!--\\u0026\\u2028\\u2029é\"}", text);
        Assert.Equal("</script><!--&\u2028\u2029é", JsonDocument.Parse(text).RootElement.GetProperty("a").GetString());
    }
}
