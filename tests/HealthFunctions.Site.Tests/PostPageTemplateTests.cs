using System.Text.Json;
using HealthFunctions.Site.Pages;

namespace HealthFunctions.Site.Tests;

/// <summary>The default theme's post page: what a reader and a crawler find in it.</summary>
public sealed class PostPageTemplateTests
{
    [Fact]
    public async Task A_post_page_shows_the_whole_article_with_its_byline_date_words_tags_and_references()
    {
        var html = await Pages.RenderAsync("post", Pages.PostView(Pages.Post()));
        var page = Pages.Parse(html);

        Assert.Equal("Ketamine IV Infusion Therapy", Assert.Single(page.QuerySelectorAll("h1")).TextContent);
        Assert.Equal("Ketamine infusion therapy.", page.QuerySelector(".post-content p")!.TextContent);
        Assert.Equal("infusion", page.QuerySelector(".post-content em")!.TextContent);
        Assert.Contains("23 November 2022", page.QuerySelector(".meta")!.TextContent);
        Assert.Contains("3 min read", page.QuerySelector(".meta")!.TextContent);
        Assert.Equal("408 Words", page.QuerySelector(".word-count")!.TextContent);
        Assert.Contains("Dr Amira Khan, MD, consultant anaesthetist", page.QuerySelector(".byline")!.TextContent);
        Assert.Equal("/authors/dr-amira-khan/", page.QuerySelector(".byline a")!.GetAttribute("href"));
        Assert.Equal(["/tags/mental-health/", "/tags/ketamine/"], page.QuerySelectorAll(".post-tags a").Select(a => a.GetAttribute("href")));
        Assert.Equal("https://www.nice.org.uk/guidance/ng222", page.QuerySelector(".references a")!.GetAttribute("href"));
        var cover = page.QuerySelector(".post-image img")!;
        Assert.Equal(("1200", "630"), (cover.GetAttribute("width"), cover.GetAttribute("height")));
        Assert.Equal("en-GB", page.DocumentElement.GetAttribute("lang"));
        Assert.Null(page.QuerySelector(".reviewed"));
    }

    [Fact]
    public async Task The_review_line_appears_only_when_theres_a_reviewer()
    {
        var reviewer = new LdPerson("Dr Samuel Osei", "MD, FACC", null, null);
        var page = Pages.Parse(await Pages.RenderAsync("post", Pages.PostView(Pages.Post(reviewer: "dr-samuel-osei"), reviewer)));

        var line = page.QuerySelector(".reviewed")!;
        Assert.Equal("Last medically reviewed on 10 January 2023 by Dr Samuel Osei, MD, FACC", line.TextContent);
        Assert.Equal("2023-01-10T00:00:00Z", line.QuerySelector("time")!.GetAttribute("datetime"));
    }

    [Fact]
    public async Task A_reviewer_without_a_review_date_claims_no_review()
    {
        var reviewer = new LdPerson("Dr Samuel Osei", "MD, FACC", null, null);
        var view = Pages.PostView(Pages.Post(reviewer: "dr-samuel-osei"), reviewer);
        view = view with { Post = view.Post! with { Reviewed = null, ReviewedIso = null } };

        var page = Pages.Parse(await Pages.RenderAsync("post", view));

        Assert.Null(page.QuerySelector(".reviewed"));
        Assert.DoesNotContain("reviewed", page.QuerySelector(".post-header")!.TextContent, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Related_posts_are_a_link_list_after_the_references_and_absent_when_there_are_none()
    {
        var view = Pages.PostView(Pages.Post());
        view = view with { Post = view.Post! with { Related = [new LinkView("Sleep <well>", "/sleep-well/"), new LinkView("Iron & you", "/iron/")] } };

        var page = Pages.Parse(await Pages.RenderAsync("post", view));
        var none = Pages.Parse(await Pages.RenderAsync("post", Pages.PostView(Pages.Post())));

        var links = page.QuerySelectorAll("nav.related li a");
        Assert.Equal(["Sleep <well>", "Iron & you"], links.Select(a => a.TextContent));
        Assert.Equal(["/sleep-well/", "/iron/"], links.Select(a => a.GetAttribute("href")));
        Assert.Equal("Related posts", page.QuerySelector("nav.related h2")!.TextContent);
        Assert.Null(none.QuerySelector("nav.related"));
    }

    [Fact]
    public async Task The_head_carries_title_description_canonical_open_graph_and_twitter_card()
    {
        var page = Pages.Parse(await Pages.RenderAsync("post", Pages.PostView(Pages.Post())));
        string? Meta(string selector) => page.QuerySelector(selector)?.GetAttribute("content");

        Assert.Equal("Ketamine IV Infusion Therapy | Healthy Living", page.Title);
        Assert.StartsWith("Ketamine infusion therapy treats", Meta("meta[name=description]"));
        Assert.Equal("https://blog.example/ketamine-iv-infusion-therapy/", page.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", Meta("meta[property='og:type']"));
        Assert.Equal("https://media.example/ketamine.png", Meta("meta[property='og:image']"));
        Assert.Equal("1200", Meta("meta[property='og:image:width']"));
        Assert.Equal("630", Meta("meta[property='og:image:height']"));
        Assert.Equal("2022-11-23T00:00:00Z", Meta("meta[property='article:published_time']"));
        Assert.Equal("2022-11-23T00:00:00Z", Meta("meta[property='article:modified_time']"));
        Assert.Equal("Dr Amira Khan", Meta("meta[property='article:author']"));
        Assert.Equal(["mental health", "ketamine"], page.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")));
        Assert.Equal("summary_large_image", Meta("meta[name='twitter:card']"));
        Assert.Null(page.QuerySelector("meta[name=robots]"));
    }

    [Fact]
    public async Task The_json_ld_names_the_page_as_its_url_and_main_entity()
    {
        var page = Pages.Parse(await Pages.RenderAsync("post", Pages.PostView(Pages.Post())));

        var ld = JsonDocument.Parse(Assert.Single(page.QuerySelectorAll("script[type='application/ld+json']")).TextContent).RootElement;
        Assert.Equal("BlogPosting", ld.GetProperty("@type").GetString());
        Assert.Equal("https://blog.example/ketamine-iv-infusion-therapy/", ld.GetProperty("url").GetString());
        Assert.Equal("https://blog.example/ketamine-iv-infusion-therapy/", ld.GetProperty("mainEntityOfPage").GetString());
    }

    [Fact]
    public async Task A_reviewed_post_is_a_medical_web_page_with_reviewer_review_date_and_citations()
    {
        var reviewer = new LdPerson("Dr Samuel Osei", "MD, FACC", null, null);
        var page = Pages.Parse(await Pages.RenderAsync("post", Pages.PostView(Pages.Post(reviewer: "dr-samuel-osei"), reviewer)));

        var ld = JsonDocument.Parse(page.QuerySelector("script[type='application/ld+json']")!.TextContent).RootElement;
        Assert.Equal("MedicalWebPage", ld.GetProperty("@type").GetString());
        Assert.Equal("Dr Samuel Osei", ld.GetProperty("reviewedBy").GetProperty("name").GetString());
        Assert.Equal("2023-01-10", ld.GetProperty("lastReviewed").GetString());
        Assert.Equal("https://www.nice.org.uk/guidance/ng222", ld.GetProperty("citation")[0].GetProperty("url").GetString());
    }
}
