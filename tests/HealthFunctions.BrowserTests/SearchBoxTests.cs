using static Microsoft.Playwright.Assertions;

namespace HealthFunctions.BrowserTests;

/// <summary>The search box every static page carries: a plain GET form to the search page, which shows the API's results.</summary>
public sealed class SearchBoxTests(BlogSite site, Chromium chromium) : IClassFixture<BlogSite>
{
    [Fact]
    public async Task SearchingFromAPostPageFindsAPost()
    {
        await WaitForPostPageAsync();
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        await reader.Page.GotoAsync($"/{SeedPosts.BloodPressureSlug}/");

        await reader.Page.Locator(".site-search input[name=q]").FillAsync("ketamine infusions");
        await reader.Page.Locator(".site-search button").ClickAsync();

        await Expect(reader.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\.html\?q=ketamine\+infusions$"));
        var hit = reader.Page.Locator($"#results a[href='/{SeedPosts.KetamineSlug}/']");
        await Expect(hit).ToHaveTextAsync("Ketamine IV Infusion Therapy");
        await Expect(reader.Page.Locator("#results mark").First).ToBeVisibleAsync();
        await Expect(reader.Page.Locator("#search-q")).ToHaveValueAsync("ketamine infusions");
        await Expect(reader.Page.Locator("[data-site-title]").First).ToHaveTextAsync(SeedPosts.SiteTitle);
        await Expect(reader.Page.Locator($"#latest-posts a[href='/{SeedPosts.BloodPressureSlug}/']")).ToHaveCountAsync(1);
        await Expect(reader.Page.Locator($"#about-more a[href='/authors/{SeedPosts.AuthorSlug}/']")).ToHaveCountAsync(1);

        await hit.ClickAsync();
        await Expect(reader.Page.Locator("h1")).ToHaveTextAsync("Ketamine IV Infusion Therapy");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task WithoutJavaScriptTheFormStillLandsOnAPageThatSaysWhereToGo()
    {
        await WaitForPostPageAsync();
        await using var reader = await chromium.OpenAsync(site.BaseUrl, javaScript: false);
        await reader.Page.GotoAsync($"/{SeedPosts.KetamineSlug}/");

        await reader.Page.Locator(".site-search input[name=q]").FillAsync("sleep");
        await reader.Page.Locator(".site-search input[name=q]").PressAsync("Enter");

        await Expect(reader.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/search\.html\?q=sleep$"));
        await Expect(reader.Page.Locator("noscript, .notice").First).ToBeAttachedAsync();
        await Expect(reader.Page.Locator("main a[href='/']")).ToHaveCountAsync(1);
    }

    private async Task WaitForPostPageAsync()
    {
        using var http = site.Http();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!(await http.GetAsync($"/{SeedPosts.BloodPressureSlug}/")).IsSuccessStatusCode || !(await http.GetAsync($"/{SeedPosts.KetamineSlug}/")).IsSuccessStatusCode)
        {
            Assert.True(DateTime.UtcNow < deadline, "the post pages were not written within 60 s");
            await Task.Delay(200);
        }
    }
}
