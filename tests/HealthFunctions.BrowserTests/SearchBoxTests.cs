using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace HealthFunctions.BrowserTests;

/// <summary>
/// The search box every static page carries: a plain GET form to the search page the pipeline writes
/// into the site container (as in Azure, where nothing else serves it), which shows the API's results.
/// </summary>
public sealed class SearchBoxTests(BlogSite site, Chromium chromium) : IClassFixture<BlogSite>
{
    [Fact]
    public async Task The_search_box_on_a_post_page_lands_on_a_page_the_pipeline_wrote_that_shows_results()
    {
        await WaitForPagesAsync();
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        await reader.Page.GotoAsync($"/{SeedPosts.BloodPressureSlug}/");

        await reader.Page.Locator(".site-search input[name=q]").FillAsync("ketamine infusions");
        await reader.Page.Locator(".site-search button").ClickAsync();

        await Expect(reader.Page).ToHaveURLAsync(new Regex(@"/search\.html\?q=ketamine\+infusions$"));
        var hit = reader.Page.Locator($"#results a[href='/{SeedPosts.KetamineSlug}/']");
        await Expect(hit).ToHaveTextAsync("Ketamine IV Infusion Therapy");
        await Expect(reader.Page.Locator("#results mark").First).ToBeVisibleAsync();
        await Expect(reader.Page.Locator("#search-q")).ToHaveValueAsync("ketamine infusions");
        await Expect(reader.Page).ToHaveTitleAsync($"Search: ketamine infusions | {SeedPosts.SiteTitle}");
        await Expect(reader.Page.Locator(".site-title")).ToHaveTextAsync(SeedPosts.SiteTitle);
        await Expect(reader.Page.Locator($".latest-list a[href='/{SeedPosts.BloodPressureSlug}/']")).ToHaveCountAsync(1);

        await hit.ClickAsync();
        await Expect(reader.Page.Locator("h1")).ToHaveTextAsync("Ketamine IV Infusion Therapy");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task The_search_page_is_in_the_site_container_and_its_script_and_styles_answer_under_assets()
    {
        await WaitForPagesAsync();
        using var http = site.Http();

        var html = await http.GetStringAsync("/search.html");
        var stored = (await site.Web.GetBlobClient("search.html").DownloadContentAsync()).Value.Content.ToString();
        var assets = Regex.Matches(html, "(?:src|href)=\"(/assets/[0-9a-f]{12}/[^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(stored, html);
        Assert.Contains(assets, a => a.EndsWith("/js/search.js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith("/css/site.css", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await http.GetAsync(asset);
            Assert.True(response.IsSuccessStatusCode, $"{asset} answered {(int)response.StatusCode}");
            Assert.True(await site.Web.GetBlobClient(asset.TrimStart('/')).ExistsAsync(), $"{asset} is not in the site container");
        }
    }

    [Fact]
    public async Task Without_javascript_the_search_page_says_that_results_need_it()
    {
        await WaitForPagesAsync();
        await using var reader = await chromium.OpenAsync(site.BaseUrl, javaScript: false);
        await reader.Page.GotoAsync($"/{SeedPosts.KetamineSlug}/");

        await reader.Page.Locator(".site-search input[name=q]").FillAsync("sleep");
        await reader.Page.Locator(".site-search input[name=q]").PressAsync("Enter");

        await Expect(reader.Page).ToHaveURLAsync(new Regex(@"/search\.html\?q=sleep$"));
        await Expect(reader.Page.Locator("main .notice")).ToContainTextAsync("Search results need JavaScript");
        await Expect(reader.Page.Locator("main .notice a[href='/']")).ToBeVisibleAsync();
        await Expect(reader.Page.Locator(".site-title")).ToHaveTextAsync(SeedPosts.SiteTitle);
        await Expect(reader.Page.Locator($".latest-list a[href='/{SeedPosts.BloodPressureSlug}/']")).ToHaveCountAsync(1);
    }

    /// <summary>Waits until the post pages are written and the search page carries the site's title and the newest post.</summary>
    private async Task WaitForPagesAsync()
    {
        using var http = site.Http();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await AnswersAsync(http, $"/{SeedPosts.BloodPressureSlug}/") || !await AnswersAsync(http, $"/{SeedPosts.KetamineSlug}/")
            || !await AnswersAsync(http, "/search.html", SeedPosts.SiteTitle, $"/{SeedPosts.BloodPressureSlug}/"))
        {
            Assert.True(DateTime.UtcNow < deadline, "the post and search pages were not written within 60 s");
            await Task.Delay(200);
        }
    }

    private static async Task<bool> AnswersAsync(HttpClient http, string path, params string[] contains)
    {
        using var response = await http.GetAsync(path);
        var html = response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync() : string.Empty;
        return response.IsSuccessStatusCode && contains.All(c => html.Contains(c, StringComparison.Ordinal));
    }
}
