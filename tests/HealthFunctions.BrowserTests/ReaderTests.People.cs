using static Microsoft.Playwright.Assertions;

namespace HealthFunctions.BrowserTests;

/// <summary>Author pages and tag pages: who wrote what, and what is filed under a tag.</summary>
public sealed partial class ReaderTests
{
    [Fact]
    public async Task The_author_link_opens_their_profile_with_bio_links_and_posts()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;

        await page.GotoAsync($"/{SeedPosts.KetamineSlug}/");
        await page.ClickAsync($".byline a.person:text('{SeedPosts.AuthorName}')");
        await page.WaitForURLAsync($"**/authors/{SeedPosts.AuthorSlug}/");

        await Expect(page.Locator("h1")).ToHaveTextAsync(SeedPosts.AuthorName);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Expect(page.Locator(".profile-credentials")).ToHaveTextAsync(SeedPosts.AuthorCredentials);
        await Expect(page).ToHaveTitleAsync($"{SeedPosts.AuthorName} | {SeedPosts.SiteTitle}");
        await Expect(page.Locator(".profile-bio")).ToContainTextAsync("has run a ketamine infusion service");
        await Expect(page.Locator(".profile-bio strong")).ToHaveTextAsync("what treatments feel like from the patient's chair");
        await Expect(page.Locator(".profile-links a")).ToHaveTextAsync("Clinic profile");
        await Expect(page.Locator(".profile-links a")).ToHaveAttributeAsync("href", "https://clinic.example.org/staff/amira-khan");
        var avatar = page.Locator(".profile-header img.profile-avatar");
        await Expect(avatar).ToHaveAttributeAsync("width", Px(SeedPosts.AvatarSize));
        await Expect(avatar).ToHaveAttributeAsync("height", Px(SeedPosts.AvatarSize));
        await Expect(avatar).ToHaveAttributeAsync("alt", string.Empty);
        await Expect(avatar).ToHaveJSPropertyAsync("naturalWidth", SeedPosts.AvatarSize);

        await Expect(page.Locator("main h2.section-heading")).ToHaveTextAsync("Posts");

        // site.yaml names her the default author, so every post without an author of its own is hers too.
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Title), await page.Locator("#posts .card-title").AllInnerTextsAsync());
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Date), await page.Locator("#posts .meta time").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("nav.pager a").CountAsync());

        await SaveScreenshotAsync(page, "author.png");
        await page.ClickAsync("#posts .card-title a:text('Ketamine IV Infusion Therapy')");
        await page.WaitForURLAsync($"**/{SeedPosts.KetamineSlug}/");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Ketamine IV Infusion Therapy");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task A_reviewer_without_a_photo_or_posts_reads_well()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;

        await page.GotoAsync($"/{SeedPosts.KetamineSlug}/");
        await page.ClickAsync($".reviewed a.person:text('{SeedPosts.ReviewerName}')");
        await page.WaitForURLAsync($"**/authors/{SeedPosts.ReviewerSlug}/");

        await Expect(page.Locator("h1")).ToHaveTextAsync(SeedPosts.ReviewerName);
        await Expect(page.Locator(".profile-credentials")).ToHaveTextAsync(SeedPosts.ReviewerCredentials);
        await Expect(page.Locator(".profile-bio")).ToContainTextAsync("reviews the blog's articles for accuracy");
        Assert.Equal(0, await page.Locator(".profile-header img").CountAsync());
        Assert.Equal(0, await page.Locator(".profile-links").CountAsync());
        Assert.Equal(0, await page.Locator("#posts .card").CountAsync());
        await Expect(page.Locator("main .notice")).ToHaveTextAsync("No posts here yet.");
        Assert.Equal(0, await page.Locator("button.more-posts").CountAsync());
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task A_tag_link_opens_the_posts_with_that_tag()
    {
        await using var reader = await OpenAsync();
        var page = reader.Page;

        await page.GotoAsync($"/{SeedPosts.KetamineSlug}/");
        await page.ClickAsync(".post-tags a:text('mental health')");
        await page.WaitForURLAsync("**/tags/mental-health/");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Posts tagged mental health");
        await Expect(page).ToHaveTitleAsync($"mental health | {SeedPosts.SiteTitle}");
        Assert.Equal(["Ketamine IV Infusion Therapy", "Vitamin D and Winter Mood"], await page.Locator("#posts .card-title").AllInnerTextsAsync());
        Assert.Equal(["23 November 2022", "8 February 2021"], await page.Locator("#posts .meta time").AllInnerTextsAsync());
        await Expect(page.Locator("#posts .card").First.Locator(".excerpt")).ToHaveTextAsync("What happens during a ketamine infusion and who it may help.");
        await Expect(page.Locator("link[rel=alternate][href='/tags/mental-health/feed.xml']")).ToHaveCountAsync(1);

        // Both posts are already on the page, so "More posts" finds nothing further and goes away.
        var more = page.Locator("button.more-posts");
        await more.ClickAsync();
        await Expect(more).ToHaveCountAsync(0);
        await Expect(page.Locator("#posts .card")).ToHaveCountAsync(2);
        Assert.Empty(reader.ScriptErrors);
    }
}
