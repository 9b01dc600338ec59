using System.Text.Json;
using static Microsoft.Playwright.Assertions;

namespace HealthFunctions.BrowserTests;

/// <summary>A post page: its article, images, byline and review, a renamed post and a hostile one.</summary>
public sealed partial class ReaderTests
{
    [Fact]
    public async Task A_post_shows_its_body_date_word_count_tags_author_reviewer_and_images()
    {
        using var http = site.Http();
        var api = JsonDocument.Parse(await http.GetStringAsync($"/api/posts/{SeedPosts.KetamineSlug}")).RootElement;
        await using var reader = await OpenAsync();
        var page = reader.Page;

        await page.GotoAsync("/tags/ketamine/");
        await page.ClickAsync("#posts .card-title a:text('Ketamine IV Infusion Therapy')");
        await page.WaitForURLAsync($"**/{SeedPosts.KetamineSlug}/");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Ketamine IV Infusion Therapy");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Expect(page).ToHaveTitleAsync($"Ketamine IV Infusion Therapy | {SeedPosts.SiteTitle}");
        var meta = page.Locator(".post-header .meta");
        await Expect(meta).ToContainTextAsync("23 November 2022");
        await Expect(meta).ToContainTextAsync("min read");
        await Expect(meta.Locator("time").First).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("^2022-11-23"));

        var byline = page.Locator(".byline");
        await Expect(byline.Locator(".byline-text")).ToHaveTextAsync($"By {SeedPosts.AuthorName}, {SeedPosts.AuthorCredentials}");
        await Expect(byline.Locator("a.person")).ToHaveAttributeAsync("href", $"/authors/{SeedPosts.AuthorSlug}/");
        var reviewed = page.Locator(".post-header .reviewed");
        await Expect(reviewed).ToHaveTextAsync($"Last medically reviewed on 2 June 2024 by {SeedPosts.ReviewerName}, {SeedPosts.ReviewerCredentials}");
        await Expect(reviewed.Locator("a")).ToHaveAttributeAsync("href", $"/authors/{SeedPosts.ReviewerSlug}/");
        await Expect(reviewed.Locator("time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("^2024-06-02"));
        var avatar = byline.Locator("img.avatar");
        var avatarWidth = await avatar.GetAttributeAsync("width");
        Assert.NotNull(avatarWidth);
        Assert.Equal(avatarWidth, await avatar.GetAttributeAsync("height"));
        await Expect(avatar).ToHaveJSPropertyAsync("naturalWidth", SeedPosts.AvatarSize);

        var cover = page.Locator(".post-body .post-image img");
        await Expect(cover).ToHaveAttributeAsync("width", Px(SeedPosts.CoverWidth));
        await Expect(cover).ToHaveAttributeAsync("height", Px(SeedPosts.CoverHeight));
        await Expect(cover).ToHaveAttributeAsync("alt", "Green hills under a pale sky, seen from a quiet clinic room");
        await Expect(cover).ToHaveJSPropertyAsync("naturalWidth", SeedPosts.CoverWidth);
        var picture = page.Locator(".post-content img");
        await Expect(picture).ToHaveAttributeAsync("width", Px(SeedPosts.DripWidth));
        await Expect(picture).ToHaveAttributeAsync("height", Px(SeedPosts.DripHeight));
        await Expect(picture).ToHaveAttributeAsync("alt", "A drip bag hanging from a stand, its line running down");
        var src = await picture.GetAttributeAsync("src") ?? string.Empty;
        Assert.True(Uri.TryCreate(src, UriKind.Absolute, out var srcUri), $"'{src}' is an absolute URL");
        Assert.NotEqual(new Uri(site.BaseUrl).Authority, srcUri!.Authority);
        Assert.StartsWith($"/devstoreaccount1/{site.MediaContainerName}/img/iv-drip.png", srcUri.AbsolutePath);
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", SeedPosts.DripWidth);
        var coverBox = await cover.BoundingBoxAsync();
        Assert.Equal(coverBox!.Width * SeedPosts.CoverHeight / SeedPosts.CoverWidth, coverBox.Height, 1.0);
        await Expect(page.Locator(".post-content h2").First).ToHaveTextAsync("What the treatment involves");
        await Expect(page.Locator(".post-content")).ToContainTextAsync("A course is usually six sessions");

        var wordCount = api.GetProperty("wordCount").GetInt32();
        Assert.True(wordCount > 50, $"the API counted {wordCount} words");
        var words = page.Locator(".word-count");
        await Expect(words).ToHaveTextAsync($"{wordCount} Words");
        var bodyBox = await page.Locator(".post-body").BoundingBoxAsync();
        var wordsBox = await words.BoundingBoxAsync();
        Assert.True(wordsBox!.Y >= bodyBox!.Y + bodyBox.Height, "the 'N Words' line sits under the post's body");

        Assert.Equal(["mental health", "ketamine"], await page.Locator(".post-tags .tags a").AllInnerTextsAsync());
        await Expect(page.Locator(".references a")).ToHaveAttributeAsync("href", "https://example.org/ketamine-review");

        var jsonLd = JsonDocument.Parse(await page.Locator("head script[type='application/ld+json']").TextContentAsync() ?? "{}").RootElement;
        Assert.Equal("Ketamine IV Infusion Therapy", jsonLd.GetProperty("headline").GetString());

        await SaveScreenshotAsync(page, "post.png");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task Images_keep_their_space_while_they_load()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/*.png*", async route =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await route.ContinueAsync();
        });

        await page.GotoAsync($"/{SeedPosts.KetamineSlug}/", new() { WaitUntil = Microsoft.Playwright.WaitUntilState.DOMContentLoaded });
        var cover = page.Locator(".post-body .post-image img");
        var picture = page.Locator(".post-content img");
        var words = page.Locator(".word-count");
        Assert.Equal(0, await cover.EvaluateAsync<int>("img => img.naturalWidth"));
        var before = (await cover.BoundingBoxAsync(), await picture.BoundingBoxAsync(), await words.BoundingBoxAsync());

        release.SetResult();
        await Expect(cover).ToHaveJSPropertyAsync("naturalWidth", SeedPosts.CoverWidth);
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", SeedPosts.DripWidth);
        var after = (await cover.BoundingBoxAsync(), await picture.BoundingBoxAsync(), await words.BoundingBoxAsync());

        Assert.True(before.Item1!.Height > 100, $"the cover's box is {before.Item1.Height}px high before it loads");
        Assert.Equal(SeedPosts.DripHeight, before.Item2!.Height, 1.0);
        Assert.Equal(before.Item1.Height, after.Item1!.Height, 0.5);
        Assert.Equal(before.Item2.Y, after.Item2!.Y, 0.5);
        Assert.Equal(before.Item3!.Y, after.Item3!.Y, 0.5);
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task A_renamed_posts_old_address_redirects_to_its_new_one()
    {
        await using var reader = await OpenAsync();
        using var http = site.Http(followRedirects: false);
        var moved = await http.GetStringAsync($"/{SeedPosts.BloodPressureOldSlug}/");
        Assert.Contains($"<meta http-equiv=\"refresh\" content=\"0; url=/{SeedPosts.BloodPressureSlug}/\">", moved, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", moved, StringComparison.Ordinal);
        var page = reader.Page;

        await page.GotoAsync($"/{SeedPosts.BloodPressureOldSlug}/");

        // The old address holds a small page whose meta refresh sends the reader on.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/{SeedPosts.BloodPressureSlug}/$"));

        await Expect(page.Locator("h1")).ToHaveTextAsync("Understanding Your Blood Pressure Numbers");
        await Expect(page.Locator(".post-header .meta time").First).ToHaveTextAsync("14 January 2025");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task An_unknown_post_tag_or_author_answers_the_sites_404_page()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;

        foreach (var url in new[] { "/no-such-post/", "/tags/no-such-tag/", "/authors/no-such-author/" })
        {
            var response = await page.GotoAsync(url);

            Assert.Equal(404, response!.Status);
            await Expect(page.Locator("h1")).ToHaveTextAsync("Page not found");
            await Expect(page).ToHaveTitleAsync($"Page not found | {SeedPosts.SiteTitle}");
            await Expect(page.Locator("main a[href='/']")).ToHaveTextAsync("Go to the home page");
            await Expect(page.Locator("meta[name=robots]")).ToHaveAttributeAsync("content", "noindex");
            Assert.Equal(0, await page.Locator(".word-count").CountAsync());
        }

        await SaveScreenshotAsync(page, "not-found.png");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task Scripts_in_a_post_never_run()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;

        await page.GotoAsync($"/{SeedPosts.HostileSlug}/");
        var body = page.Locator(".post-content");
        await Expect(body).ToContainTextAsync("In winter, many people");

        Assert.Equal(0, await body.Locator("script, iframe[src^='javascript'], [onerror], [onclick], a[href^='javascript']").CountAsync());
        foreach (var link in await body.Locator("a").AllAsync())
        {
            await link.ClickAsync();
        }

        await page.WaitForTimeoutAsync(300);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Empty(reader.ScriptErrors);
    }
}
