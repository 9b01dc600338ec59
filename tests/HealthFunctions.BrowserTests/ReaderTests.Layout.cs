using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthFunctions.BrowserTests;

/// <summary>What every page shares: landmarks and headings, the about box, a phone's screen, a steady layout.</summary>
public sealed partial class ReaderTests
{
    private static readonly string[] EveryKindOfPage =
    [
        "/", $"/{SeedPosts.KetamineSlug}/", "/tags/sleep/", $"/authors/{SeedPosts.AuthorSlug}/", "/2022/11/", "/search.html?q=sleep",
    ];

    [Fact]
    public async Task Every_page_has_landmarks_one_heading_and_alt_text()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;

        foreach (var url in EveryKindOfPage)
        {
            await page.GotoAsync(url);
            foreach (var landmark in new[] { "header", "nav", "main", "aside", "footer" })
            {
                Assert.True(await page.Locator(landmark).CountAsync() >= 1, $"{url} has a <{landmark}>");
            }

            Assert.Equal(1, await page.Locator("h1").CountAsync());
            Assert.Equal(0, await page.Locator("img:not([alt])").CountAsync());
            Assert.Equal(SeedPosts.SiteLanguage, await page.GetAttributeAsync("html", "lang"));
            await Expect(page.Locator("a.skip-link")).ToHaveAttributeAsync("href", "#main");
        }

        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task Every_page_carries_the_about_box_from_site_yaml()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;

        foreach (var url in EveryKindOfPage)
        {
            await page.GotoAsync(url);
            var about = page.Locator("aside #about");
            await Expect(about.Locator("h2")).ToHaveTextAsync("About Me");
            await Expect(about.Locator(".about-text")).ToContainTextAsync("I explain treatments in plain words");
            await Expect(about.Locator(".about-text strong")).ToHaveTextAsync("Amira");
            await Expect(about.Locator(".about-text")).Not.ToContainTextAsync("I write plain-language articles");
            Assert.True(
                await about.Locator(".about-body").EvaluateAsync<bool>("box => box.scrollHeight <= box.clientHeight"),
                $"{url}: the whole About text is readable, none of it cut off");
        }

        await page.ClickAsync("nav a[href='#about']");
        await Expect(page.Locator("#about")).ToBeInViewportAsync();
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task On_a_phone_nothing_scrolls_sideways_and_the_sidebar_follows_the_content()
    {
        await using var reader = await OpenAsync(width: 375, height: 740);
        var page = reader.Page;

        foreach (var url in EveryKindOfPage)
        {
            await page.GotoAsync(url);
            Assert.True(
                await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"{url} is no wider than the phone's screen");
            var main = await page.Locator("main").BoundingBoxAsync();
            var aside = await page.Locator("aside").BoundingBoxAsync();
            Assert.True(aside!.Y >= main!.Y + main.Height, $"on {url} the sidebar comes after the content");
        }

        await page.GotoAsync("/");
        await SaveScreenshotAsync(page, "home-phone.png", fullPage: false);
        Assert.Empty(reader.ScriptErrors);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/" + SeedPosts.KetamineSlug + "/")]
    [InlineData("/authors/" + SeedPosts.AuthorSlug + "/")]
    public async Task Nothing_moves_when_slow_images_arrive(string url)
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;
        await page.AddInitScriptAsync("""
            window.__shift = 0;
            window.__shifts = [];
            new PerformanceObserver((list) => {
              for (const entry of list.getEntries()) if (!entry.hadRecentInput) {
                window.__shift += entry.value;
                window.__shifts.push(entry.value.toFixed(4) + ':' + entry.sources.map(s => s.node?.id || s.node?.className || s.node?.nodeName).join('/'));
              }
            }).observe({ type: 'layout-shift', buffered: true });
            """);
        await page.RouteAsync("**/*", async route =>
        {
            if (route.Request.ResourceType == "image")
            {
                await Task.Delay(600);
            }

            await route.ContinueAsync();
        });

        await page.GotoAsync(url);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.WaitForTimeoutAsync(300);

        var shift = await page.EvaluateAsync<double>("() => window.__shift");
        var shifts = await page.EvaluateAsync<string[]>("() => window.__shifts");
        Assert.True(shift < 0.02, $"cumulative layout shift of {url} was {shift:F3}: {string.Join(", ", shifts)}");
        Assert.Empty(reader.ScriptErrors);
    }
}
