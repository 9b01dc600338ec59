using static Microsoft.Playwright.Assertions;

namespace HealthFunctions.BrowserTests;

/// <summary>With JavaScript off, a reader finds every page's whole content in the static site the pipeline wrote.</summary>
public sealed class StaticSiteTests(BlogSite site, Chromium chromium) : IClassFixture<BlogSite>
{
    [Fact]
    public async Task Without_javascript_the_home_page_lists_the_posts()
    {
        await using var reader = await OpenAsync();

        await reader.Page.GotoAsync("/");

        await Expect(reader.Page.Locator("h1")).ToHaveTextAsync(SeedPosts.SiteTitle);
        await Expect(reader.Page.Locator($"#posts a[href='/{SeedPosts.KetamineSlug}/']")).ToHaveCountAsync(1);
        await Expect(reader.Page.Locator(".latest-list li").First).ToBeVisibleAsync();
        await Expect(reader.Page.Locator("#about")).ToContainTextAsync("About Me");
    }

    [Fact]
    public async Task Without_javascript_a_post_shows_the_whole_article_byline_review_and_words()
    {
        await using var reader = await OpenAsync();

        await reader.Page.GotoAsync($"/{SeedPosts.KetamineSlug}/");

        await Expect(reader.Page.Locator("h1")).ToHaveTextAsync("Ketamine IV Infusion Therapy");
        await Expect(reader.Page.Locator(".post-content")).ToContainTextAsync("What the treatment involves");
        await Expect(reader.Page.Locator(".byline")).ToContainTextAsync($"{SeedPosts.AuthorName}, {SeedPosts.AuthorCredentials}");
        await Expect(reader.Page.Locator(".reviewed")).ToHaveTextAsync($"Last medically reviewed on 2 June 2024 by {SeedPosts.ReviewerName}, {SeedPosts.ReviewerCredentials}");
        await Expect(reader.Page.Locator(".word-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9,]+ Words$"));
        await Expect(reader.Page.Locator(".post-tags a", new() { HasText = "ketamine" })).ToHaveAttributeAsync("href", "/tags/ketamine/");
        await Expect(reader.Page.Locator("script[type='application/ld+json']")).ToHaveCountAsync(1);
        Assert.Equal($"Ketamine IV Infusion Therapy | {SeedPosts.SiteTitle}", await reader.Page.TitleAsync());
    }

    [Fact]
    public async Task Without_javascript_a_tag_page_and_an_author_page_list_their_posts()
    {
        await using var reader = await OpenAsync();

        await reader.Page.GotoAsync("/tags/ketamine/");
        await Expect(reader.Page.Locator("h1")).ToHaveTextAsync("Posts tagged ketamine");
        await Expect(reader.Page.Locator($"#posts a[href='/{SeedPosts.KetamineSlug}/']")).ToHaveCountAsync(1);

        await reader.Page.GotoAsync($"/authors/{SeedPosts.AuthorSlug}/");
        await Expect(reader.Page.Locator("h1")).ToHaveTextAsync(SeedPosts.AuthorName);
        await Expect(reader.Page.Locator(".profile-credentials")).ToHaveTextAsync(SeedPosts.AuthorCredentials);
        await Expect(reader.Page.Locator($"#posts a[href='/{SeedPosts.KetamineSlug}/']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task An_address_nobody_owns_answers_the_sites_404_page()
    {
        await using var reader = await OpenAsync();

        var response = await reader.Page.GotoAsync("/no-such-page/");

        Assert.Equal(404, response!.Status);
        await Expect(reader.Page.Locator("h1")).ToHaveTextAsync("Page not found");
    }

    /// <summary>A tab with scripts off, once the page queue has written the shared pages.</summary>
    private async Task<ReaderSession> OpenAsync()
    {
        using var http = site.Http();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var home = await http.GetAsync("/");
            var tag = await http.GetAsync("/tags/ketamine/");
            var author = await http.GetAsync($"/authors/{SeedPosts.AuthorSlug}/");
            var missing = await http.GetAsync("/404.html");
            if (home.IsSuccessStatusCode && tag.IsSuccessStatusCode && author.IsSuccessStatusCode && missing.IsSuccessStatusCode
                && (await home.Content.ReadAsStringAsync()).Contains($"/{SeedPosts.KetamineSlug}/", StringComparison.Ordinal)
                && (await home.Content.ReadAsStringAsync()).Contains(SeedPosts.SiteTitle, StringComparison.Ordinal))
            {
                break;
            }

            Assert.True(DateTime.UtcNow < deadline, "the page queue did not write the shared pages within 60 s");
            await Task.Delay(200);
        }

        return await chromium.OpenAsync(site.BaseUrl, javaScript: false);
    }
}
