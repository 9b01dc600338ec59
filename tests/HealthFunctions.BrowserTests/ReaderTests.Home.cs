using static Microsoft.Playwright.Assertions;

namespace HealthFunctions.BrowserTests;

/// <summary>The home page, "More posts" and the month archives behind it.</summary>
public sealed partial class ReaderTests
{
    [Fact]
    public async Task Home_lists_published_posts_newest_first_with_readable_dates()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;

        await page.GotoAsync("/");

        var newest = SeedPosts.NewestFirst.Take(ReaderBlogSite.PostsPerPage).ToArray();
        var cards = page.Locator("#posts .card");
        Assert.Equal(newest.Select(p => p.Title), await cards.Locator(".card-title").AllInnerTextsAsync());
        Assert.Equal(newest.Select(p => p.Date), await cards.Locator(".meta time").AllInnerTextsAsync());
        await Expect(cards.Nth(0).Locator("time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("^2025-01-14"));
        await Expect(cards.Nth(0).Locator(".card-title a")).ToHaveAttributeAsync("href", $"/{SeedPosts.BloodPressureSlug}/");
        Assert.StartsWith("Most adults need seven to nine hours", await cards.Nth(1).Locator(".excerpt").InnerTextAsync());
        Assert.Equal(["sleep", "healthy living"], await cards.Nth(1).Locator(".tags a").AllInnerTextsAsync());
        Assert.DoesNotContain("An Unfinished Draft", await page.InnerTextAsync("body"));

        var sidebar = page.Locator(".latest .latest-item");
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Title), await sidebar.Locator(".latest-title").AllInnerTextsAsync());
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Date), await sidebar.Locator(".latest-date").AllInnerTextsAsync());
        Assert.All(await sidebar.Locator(".latest-excerpt").AllInnerTextsAsync(), excerpt => Assert.InRange(excerpt.Length, 20, 160));

        await Expect(page).ToHaveTitleAsync(SeedPosts.SiteTitle);
        await Expect(page.Locator("header h1.site-title")).ToHaveTextAsync(SeedPosts.SiteTitle);
        await Expect(page.Locator("header .site-tagline")).ToHaveTextAsync(SeedPosts.SiteDescription);
        await Expect(page.Locator("footer p").First).ToHaveTextAsync(SeedPosts.SiteTitle);
        await Expect(page.Locator("meta[name=description]")).ToHaveAttributeAsync("content", SeedPosts.SiteDescription);
        Assert.Equal(SeedPosts.SiteLanguage, await page.GetAttributeAsync("html", "lang"));
        await Expect(page.Locator("nav a[aria-current=page]")).ToHaveAttributeAsync("href", "/");

        await SaveScreenshotAsync(page, "home.png");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task More_posts_appends_the_rest_of_the_listing_from_the_api()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;
        var apiCalls = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/posts", StringComparison.Ordinal))
            {
                apiCalls.Add(request.Url);
            }
        };

        await page.GotoAsync("/");
        var more = page.Locator("#posts + .pager button.more-posts");
        await Expect(more).ToHaveTextAsync("More posts");
        Assert.Empty(apiCalls);

        await more.ClickAsync();

        await Expect(page.Locator("#posts .card")).ToHaveCountAsync(SeedPosts.NewestFirst.Length);
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Title), await page.Locator("#posts .card-title").AllInnerTextsAsync());
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Date), await page.Locator("#posts .meta time").AllInnerTextsAsync());
        await Expect(page.Locator($"#posts .card-title a[href='/{SeedPosts.KetamineSlug}/']")).ToHaveCountAsync(1);
        await Expect(page.Locator("#posts .card").Nth(3).Locator(".excerpt")).ToHaveTextAsync("What happens during a ketamine infusion and who it may help.");
        await Expect(more).ToHaveCountAsync(0);
        Assert.NotEmpty(apiCalls);
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task Older_posts_links_walk_the_month_archives_through_the_whole_listing()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;

        var seen = new List<string>();
        var dates = new List<string>();
        await page.GotoAsync("/");
        for (var step = 0; ; step++)
        {
            Assert.InRange(step, 0, SeedPosts.NewestFirst.Length);
            seen.AddRange(await page.Locator("#posts .card-title").AllInnerTextsAsync());
            dates.AddRange(await page.Locator("#posts .meta time").AllInnerTextsAsync());
            Assert.Equal(1, await page.Locator("h1").CountAsync());
            var older = page.Locator("nav.pager[aria-label='Older posts'] a");
            if (await older.CountAsync() == 0)
            {
                break;
            }

            var href = await older.GetAttributeAsync("href") ?? string.Empty;
            Assert.Matches("^/[0-9]{4}/[0-9]{2}/$", href);
            await older.ClickAsync();
            await page.WaitForURLAsync($"**{href}");
            await Expect(page.Locator("h1")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Posts from [A-Z][a-z]+ [0-9]{4}$"));
        }

        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Title), seen);
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Date), dates);
        Assert.EndsWith("/2021/02/", page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Posts from February 2021");
        Assert.Empty(reader.ScriptErrors);
    }
}
