using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HealthFunctions.BrowserTests;

/// <summary>What a reader sees in a browser: the seeded blog through web/, the LocalHost and Azurite.</summary>
public sealed class ReaderTests(Chromium chromium, BlogSite site) : IClassFixture<BlogSite>
{
    private static readonly string Screenshots = Path.Combine(RepositoryRoot.Find(), "test-artifacts", "screenshots");

    [Fact]
    public async Task HomeListsPublishedPostsNewestFirstWithReadableDates()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;

        await page.GotoAsync("/");
        await LoadedAsync(page, "#posts:not([aria-busy])");
        await LoadedAsync(page, "#latest-posts:not([aria-busy])");

        var cards = page.Locator("#posts .card");
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Title), await cards.Locator(".card-title").AllInnerTextsAsync());
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Date), await cards.Locator(".meta time").AllInnerTextsAsync());
        Assert.Equal("2022-11-23T00:00:00+00:00", await cards.Nth(3).Locator("time").GetAttributeAsync("datetime"));
        Assert.Equal("What happens during a ketamine infusion and who it may help.", await cards.Nth(3).Locator(".excerpt").InnerTextAsync());
        Assert.StartsWith("Most adults need seven to nine hours", await cards.Nth(1).Locator(".excerpt").InnerTextAsync());
        Assert.DoesNotContain("An Unfinished Draft", await page.InnerTextAsync("body"));

        var sidebar = page.Locator("#latest-posts .latest-item");
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Title), await sidebar.Locator(".latest-title").AllInnerTextsAsync());
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Date), await sidebar.Locator(".latest-date").AllInnerTextsAsync());
        Assert.All(await sidebar.Locator(".latest-excerpt").AllInnerTextsAsync(), excerpt => Assert.InRange(excerpt.Length, 20, 160));
        await Expect(page.Locator("#about")).ToContainTextAsync("About Me");

        await SiteLoadedAsync(page);
        await Expect(page).ToHaveTitleAsync(SeedPosts.SiteTitle);
        await Expect(page.Locator("header h1.site-title")).ToHaveTextAsync(SeedPosts.SiteTitle);
        await Expect(page.Locator("header .site-tagline")).ToHaveTextAsync(SeedPosts.SiteDescription);
        await Expect(page.Locator("footer [data-site-title]")).ToHaveTextAsync(SeedPosts.SiteTitle);
        await Expect(page.Locator("meta[name=description]")).ToHaveAttributeAsync("content", SeedPosts.SiteDescription);
        Assert.Equal(SeedPosts.SiteLanguage, await page.GetAttributeAsync("html", "lang"));
        await Expect(page.Locator("#about-text")).ToContainTextAsync("I explain treatments in plain words");
        await Expect(page.Locator("#about-text strong")).ToHaveTextAsync("Amira");
        await Expect(page.Locator("#about-text")).Not.ToContainTextAsync("I write plain-language articles");
        await Expect(page.Locator("#about-more a")).ToHaveAttributeAsync("href", $"/author.html?slug={SeedPosts.AuthorSlug}");

        await SaveScreenshotAsync(page, "home.png");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task OlderPostsLinkPagesThroughTheWholeListing()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        await reader.ConfigureAsync(pageSize: 2);
        var page = reader.Page;

        var seen = new List<string>();
        await page.GotoAsync("/");
        for (var pageNumber = 1; ; pageNumber++)
        {
            await LoadedAsync(page, "#posts:not([aria-busy])");
            var titles = await page.Locator("#posts .card-title").AllInnerTextsAsync();
            Assert.InRange(titles.Count, 1, 2);
            seen.AddRange(titles);
            Assert.Equal(pageNumber > 1, await page.Locator("#pager a[rel=first]").CountAsync() == 1);
            var older = page.Locator("#pager a[rel=next]");
            if (await older.CountAsync() == 0)
            {
                break;
            }

            await older.ClickAsync();
            await page.WaitForURLAsync("**/?cursor=*");
        }

        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Title), seen);
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task APostShowsItsBodyDateWordCountTagsAuthorReviewerAndImages()
    {
        using var http = site.Http();
        var api = JsonDocument.Parse(await http.GetStringAsync($"/api/posts/{SeedPosts.KetamineSlug}")).RootElement;
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;

        await page.GotoAsync("/");
        await page.ClickAsync("#posts .card-title a:text('Ketamine IV Infusion Therapy')");
        await page.WaitForURLAsync($"**/post.html?slug={SeedPosts.KetamineSlug}");
        await LoadedAsync(page, "#post:not([aria-busy])");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Ketamine IV Infusion Therapy");
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Expect(page).ToHaveTitleAsync($"Ketamine IV Infusion Therapy | {SeedPosts.SiteTitle}");
        await Expect(page.Locator("#post-meta")).ToContainTextAsync("23 November 2022");
        await Expect(page.Locator("#post-meta")).ToContainTextAsync("min read");

        var byline = page.Locator("#post-byline");
        await Expect(byline.Locator(".byline-author")).ToHaveTextAsync($"By {SeedPosts.AuthorName}, {SeedPosts.AuthorCredentials}");
        await Expect(byline.Locator(".byline-author a")).ToHaveAttributeAsync("href", $"/author.html?slug={SeedPosts.AuthorSlug}");
        await Expect(byline.Locator(".reviewed")).ToHaveTextAsync($"Last medically reviewed on 2 June 2024 by {SeedPosts.ReviewerName}, {SeedPosts.ReviewerCredentials}");
        await Expect(byline.Locator(".reviewed a")).ToHaveAttributeAsync("href", $"/author.html?slug={SeedPosts.ReviewerSlug}");
        await Expect(byline.Locator(".reviewed time")).ToHaveAttributeAsync("datetime", new System.Text.RegularExpressions.Regex("^2024-06-02"));
        var avatar = byline.Locator("img.avatar");
        await Expect(avatar).ToHaveAttributeAsync("width", "48");
        await Expect(avatar).ToHaveAttributeAsync("height", "48");
        await Expect(avatar).ToHaveJSPropertyAsync("naturalWidth", SeedPosts.AvatarSize);

        var cover = page.Locator("#post-body .post-image img");
        await Expect(cover).ToHaveAttributeAsync("width", SeedPosts.CoverWidth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(cover).ToHaveAttributeAsync("height", SeedPosts.CoverHeight.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(cover).ToHaveAttributeAsync("alt", "Green hills under a pale sky, seen from a quiet clinic room");
        await Expect(cover).ToHaveJSPropertyAsync("naturalWidth", SeedPosts.CoverWidth);
        var picture = page.Locator("#post-body .post-content img");
        await Expect(picture).ToHaveAttributeAsync("width", SeedPosts.DripWidth.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(picture).ToHaveAttributeAsync("height", SeedPosts.DripHeight.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(picture).ToHaveAttributeAsync("alt", "A drip bag hanging from a stand, its line running down");
        var src = await picture.GetAttributeAsync("src") ?? string.Empty;
        Assert.True(Uri.TryCreate(src, UriKind.Absolute, out var srcUri), $"'{src}' is an absolute URL");
        Assert.NotEqual(new Uri(site.BaseUrl).Authority, srcUri!.Authority);
        Assert.StartsWith($"/devstoreaccount1/{site.MediaContainerName}/img/iv-drip.png", srcUri.AbsolutePath);
        await Expect(picture).ToHaveJSPropertyAsync("naturalWidth", SeedPosts.DripWidth);
        var coverBox = await cover.BoundingBoxAsync();
        Assert.Equal(coverBox!.Width * SeedPosts.CoverHeight / SeedPosts.CoverWidth, coverBox.Height, 1.0);
        await Expect(page.Locator("#post-body h2").First).ToHaveTextAsync("What the treatment involves");
        await Expect(page.Locator("#post-body")).ToContainTextAsync("A course is usually six sessions");

        var wordCount = api.GetProperty("wordCount").GetInt32();
        Assert.True(wordCount > 50, $"the API counted {wordCount} words");
        var words = page.Locator(".word-count");
        await Expect(words).ToHaveTextAsync($"{wordCount} Words");
        var bodyBox = await page.Locator("#post-body").BoundingBoxAsync();
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
    public async Task ImagesKeepTheirSpaceWhileTheyLoad()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/*.png*", async route =>
        {
            await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
            await route.ContinueAsync();
        });

        await page.GotoAsync($"/post.html?slug={SeedPosts.KetamineSlug}");
        await LoadedAsync(page, "#post:not([aria-busy])");
        var cover = page.Locator("#post-body .post-image img");
        var picture = page.Locator("#post-body .post-content img");
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
    public async Task TheAuthorLinkOpensTheirProfileWithBioLinksAndPosts()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;

        await page.GotoAsync($"/post.html?slug={SeedPosts.KetamineSlug}");
        await page.ClickAsync($"#post-byline .byline-author a:text('{SeedPosts.AuthorName}')");
        await page.WaitForURLAsync($"**/author.html?slug={SeedPosts.AuthorSlug}");
        await LoadedAsync(page, "#profile:not([aria-busy])");
        await LoadedAsync(page, "#posts:not([aria-busy])");

        await Expect(page.Locator("h1")).ToHaveTextAsync(SeedPosts.AuthorName);
        Assert.Equal(1, await page.Locator("h1").CountAsync());
        await Expect(page.Locator("#author-credentials")).ToHaveTextAsync(SeedPosts.AuthorCredentials);
        await Expect(page).ToHaveTitleAsync($"{SeedPosts.AuthorName}, {SeedPosts.AuthorCredentials} | {SeedPosts.SiteTitle}");
        await Expect(page.Locator("#author-bio")).ToContainTextAsync("has run a ketamine infusion service");
        await Expect(page.Locator("#author-bio strong")).ToHaveTextAsync("what treatments feel like from the patient's chair");
        await Expect(page.Locator("#author-links a")).ToHaveTextAsync("Clinic profile");
        await Expect(page.Locator("#author-links a")).ToHaveAttributeAsync("href", "https://clinic.example.org/staff/amira-khan");
        var avatar = page.Locator("#author-avatar img");
        await Expect(avatar).ToHaveAttributeAsync("width", SeedPosts.AvatarSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(avatar).ToHaveAttributeAsync("height", SeedPosts.AvatarSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(avatar).ToHaveAttributeAsync("alt", $"Photo of {SeedPosts.AuthorName}");
        await Expect(avatar).ToHaveJSPropertyAsync("naturalWidth", SeedPosts.AvatarSize);

        await Expect(page.Locator("#author-posts-heading")).ToHaveTextAsync($"Posts by {SeedPosts.AuthorName}");
        // site.yaml names her the default author, so every post without an author of its own is hers too.
        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Title), await page.Locator("#posts .card-title").AllInnerTextsAsync());
        Assert.Equal(0, await page.Locator("#pager a").CountAsync());

        await SaveScreenshotAsync(page, "author.png");
        await page.ClickAsync("#posts .card-title a:text('Ketamine IV Infusion Therapy')");
        await page.WaitForURLAsync($"**/post.html?slug={SeedPosts.KetamineSlug}");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task AnAuthorsPostsArePagedWithTheApisCursor()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        await reader.ConfigureAsync(pageSize: 2);
        var page = reader.Page;

        var seen = new List<string>();
        await page.GotoAsync($"/author.html?slug={SeedPosts.AuthorSlug}");
        for (var pageNumber = 1; ; pageNumber++)
        {
            await LoadedAsync(page, "#posts:not([aria-busy])");
            await Expect(page.Locator("h1")).ToHaveTextAsync(SeedPosts.AuthorName);
            seen.AddRange(await page.Locator("#posts .card-title").AllInnerTextsAsync());
            Assert.Equal(pageNumber > 1, await page.Locator("#pager a[rel=first]").CountAsync() == 1);
            var older = page.Locator("#pager a[rel=next]");
            if (await older.CountAsync() == 0)
            {
                break;
            }

            await older.ClickAsync();
            await page.WaitForURLAsync($"**/author.html?slug={SeedPosts.AuthorSlug}&cursor=*");
        }

        Assert.Equal(SeedPosts.NewestFirst.Select(p => p.Title), seen);
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task AReviewerWithoutAPhotoOrPostsAndAnUnknownAuthorReadWell()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;

        await page.GotoAsync($"/author.html?slug={SeedPosts.ReviewerSlug}");
        await LoadedAsync(page, "#profile:not([aria-busy])");
        await LoadedAsync(page, "#posts:not([aria-busy])");
        await Expect(page.Locator("h1")).ToHaveTextAsync(SeedPosts.ReviewerName);
        await Expect(page.Locator("#author-avatar .avatar-initials")).ToHaveTextAsync("SO");
        Assert.Equal(0, await page.Locator("#author-links").CountAsync());
        await Expect(page.Locator("#listing-status")).ToContainTextAsync("This author has no published posts yet.");

        await page.GotoAsync("/author.html?slug=no-such-author");
        await LoadedAsync(page, "#profile:not([aria-busy])");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Author not found");
        await Expect(page.Locator("#author-bio")).ToContainTextAsync("There is no author at “no-such-author”.");
        await Expect(page.Locator("#author-bio a")).ToHaveAttributeAsync("href", "/");
        Assert.Equal(0, await page.Locator("#posts").CountAsync());
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Author not found"));
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task ATagLinkOpensThePostsWithThatTag()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;

        await page.GotoAsync($"/post.html?slug={SeedPosts.KetamineSlug}");
        await page.ClickAsync(".post-tags a:text('mental health')");
        await page.WaitForURLAsync("**/tag.html?tag=mental%20health");
        await LoadedAsync(page, "#posts:not([aria-busy])");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Posts tagged “mental health”");
        Assert.Equal(["Ketamine IV Infusion Therapy", "Vitamin D and Winter Mood"], await page.Locator("#posts .card-title").AllInnerTextsAsync());
        Assert.Equal(["23 November 2022", "8 February 2021"], await page.Locator("#posts .meta time").AllInnerTextsAsync());
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task AnUnknownPostSaysItWasNotFound()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;

        await page.GotoAsync("/post.html?slug=no-such-post");
        await LoadedAsync(page, "#post:not([aria-busy])");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Post not found");
        await Expect(page.Locator("#post-body")).ToContainTextAsync("There is no post at “no-such-post”.");
        await Expect(page.Locator("#post-body a")).ToHaveAttributeAsync("href", "/");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("^Post not found"));
        Assert.Equal(0, await page.Locator(".word-count").CountAsync());
        await SaveScreenshotAsync(page, "not-found.png");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task ARenamedPostFollowsTheRedirectToItsNewAddress()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;

        await page.GotoAsync($"/post.html?slug={SeedPosts.BloodPressureOldSlug}");
        await LoadedAsync(page, "#post:not([aria-busy])");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Understanding Your Blood Pressure Numbers");
        Assert.EndsWith($"/post.html?slug={SeedPosts.BloodPressureSlug}", page.Url);
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task APostCanBeAddressedByItsHash()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;

        await page.GotoAsync($"/post.html#{SeedPosts.BloodPressureSlug}");
        await LoadedAsync(page, "#post:not([aria-busy])");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Understanding Your Blood Pressure Numbers");
        await Expect(page.Locator("#post-meta time").First).ToHaveTextAsync("14 January 2025");
    }

    [Fact]
    public async Task AnUnreachableApiGivesAClearMessage()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        await reader.ConfigureAsync(apiBase: $"http://127.0.0.1:{ClosedPort()}");
        var page = reader.Page;

        await page.GotoAsync("/");
        await LoadedAsync(page, "#posts:not([aria-busy])");
        await Expect(page.Locator("#listing-status [role=alert]")).ToContainTextAsync("We can't reach the blog right now");
        await Expect(page.Locator("#listing-status button")).ToHaveTextAsync("Try again");
        await Expect(page.Locator("#latest-posts")).ToHaveTextAsync("Latest posts are unavailable right now.");
        Assert.Equal(0, await page.Locator("#posts .card").CountAsync());
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-site", "fallback");
        await Expect(page.Locator("header .site-title")).ToHaveTextAsync("Trending Health And Medical Information For Healthy Living");
        await Expect(page.Locator("#about-text")).ToContainTextAsync("I write plain-language articles");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await SaveScreenshotAsync(page, "unreachable.png");

        await page.GotoAsync($"/post.html?slug={SeedPosts.KetamineSlug}");
        await LoadedAsync(page, "#post:not([aria-busy])");
        await Expect(page.Locator("h1")).ToHaveTextAsync("This post could not be loaded");
        await Expect(page.Locator("#post-body [role=alert]")).ToContainTextAsync("We can't reach the blog right now");
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task ScriptsInAPostNeverRun()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;

        await page.GotoAsync($"/post.html?slug={SeedPosts.HostileSlug}");
        await LoadedAsync(page, "#post:not([aria-busy])");
        await Expect(page.Locator("#post-body")).ToContainTextAsync("In winter, many people");

        var body = page.Locator("#post-body");
        Assert.Equal(0, await body.Locator("script, iframe[src^='javascript'], [onerror], [onclick], a[href^='javascript']").CountAsync());
        foreach (var link in await body.Locator("a").AllAsync())
        {
            await link.ClickAsync();
        }

        await page.WaitForTimeoutAsync(300);
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Empty(reader.ScriptErrors);
    }

    [Fact]
    public async Task EveryPageHasLandmarksOneHeadingAndAltText()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;

        foreach (var (url, busy) in new[]
        {
            ("/", "#posts"), ($"/post.html?slug={SeedPosts.KetamineSlug}", "#post"), ("/tag.html?tag=sleep", "#posts"), ($"/author.html?slug={SeedPosts.AuthorSlug}", "#profile"),
        })
        {
            await page.GotoAsync(url);
            await LoadedAsync(page, $"{busy}:not([aria-busy])");
            await SiteLoadedAsync(page);
            foreach (var landmark in new[] { "header", "nav", "main", "aside", "footer" })
            {
                Assert.True(await page.Locator(landmark).CountAsync() >= 1, $"{url} has a <{landmark}>");
            }

            Assert.Equal(1, await page.Locator("h1").CountAsync());
            Assert.Equal(0, await page.Locator("img:not([alt])").CountAsync());
            Assert.Equal(SeedPosts.SiteLanguage, await page.GetAttributeAsync("html", "lang"));
        }
    }

    [Fact]
    public async Task OnAPhoneNothingScrollsSidewaysAndTheSidebarFollowsTheContent()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl, width: 375, height: 740);
        var page = reader.Page;

        foreach (var url in new[] { "/", $"/post.html?slug={SeedPosts.KetamineSlug}", $"/author.html?slug={SeedPosts.AuthorSlug}" })
        {
            await page.GotoAsync(url);
            await LoadedAsync(page, "#latest-posts:not([aria-busy])");
            await page.WaitForSelectorAsync("main [aria-busy]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Detached });
            Assert.True(
                await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"{url} is no wider than the phone's screen");
            var main = await page.Locator("main").BoundingBoxAsync();
            var aside = await page.Locator("aside").BoundingBoxAsync();
            Assert.True(aside!.Y >= main!.Y + main.Height, "the sidebar comes after the content");
        }

        await page.GotoAsync("/");
        await LoadedAsync(page, "#posts:not([aria-busy])");
        await SaveScreenshotAsync(page, "home-phone.png", fullPage: false);
    }

    [Fact]
    public async Task TheAboutBoxKeepsItsHeightWhateverTheTextAndOpensLongTextOnRequest()
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
        var page = reader.Page;
        var longAbout = string.Concat(Enumerable.Repeat("<p>I write about <strong>treatments</strong> and the evidence behind them, in plain words.</p>", 8));
        var answer = "fail";
        await page.RouteAsync("**/api/site", route => answer == "fail"
            ? route.AbortAsync()
            : route.FulfillAsync(new RouteFulfillOptions
            {
                ContentType = "application/json",
                Body = JsonSerializer.Serialize(new { title = "A Long About", language = "en", aboutHtml = longAbout }),
            }));

        await page.GotoAsync("/");
        await LoadedAsync(page, "html[data-site=fallback]");
        var fallback = await page.Locator("#about").BoundingBoxAsync();
        Assert.Equal(0, await page.Locator("#about-more button").CountAsync());

        answer = "long";
        await page.ReloadAsync();
        await SiteLoadedAsync(page);
        await Expect(page.Locator("#about-text strong").First).ToHaveTextAsync("treatments");
        var clipped = await page.Locator("#about").BoundingBoxAsync();
        Assert.Equal(fallback!.Height, clipped!.Height, 0.5);
        var more = page.Locator("#about-more button");
        await Expect(more).ToHaveTextAsync("Read more");
        await Expect(more).ToHaveAttributeAsync("aria-expanded", "false");

        await more.ClickAsync();
        await Expect(more).ToHaveTextAsync("Show less");
        await Expect(more).ToHaveAttributeAsync("aria-expanded", "true");
        var open = await page.Locator("#about").BoundingBoxAsync();
        Assert.True(open!.Height > clipped.Height + 50, $"the box opened from {clipped.Height}px to {open.Height}px");
        Assert.Empty(reader.ScriptErrors);
    }

    [Theory]
    [InlineData("/", "#posts")]
    [InlineData("/post.html?slug=" + SeedPosts.KetamineSlug, "#post")]
    [InlineData("/author.html?slug=" + SeedPosts.AuthorSlug, "#profile")]
    public async Task NothingMovesWhenSlowContentArrives(string url, string region)
    {
        await using var reader = await chromium.OpenAsync(site.BaseUrl);
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
        await page.RouteAsync("**/api/**", async route =>
        {
            await Task.Delay(600);
            await route.ContinueAsync();
        });

        await page.GotoAsync(url);
        await LoadedAsync(page, $"{region}:not([aria-busy])");
        await LoadedAsync(page, "#latest-posts:not([aria-busy])");
        await SiteLoadedAsync(page);
        await page.WaitForTimeoutAsync(300);

        var shift = await page.EvaluateAsync<double>("() => window.__shift");
        var shifts = await page.EvaluateAsync<string[]>("() => window.__shifts");
        Assert.True(shift < 0.02, $"cumulative layout shift of {url} was {shift:F3}: {string.Join(", ", shifts)}");
    }

    /// <summary>Saves what the reader sees to test-artifacts/screenshots/ (git-ignored) for people to look at.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name), FullPage = fullPage });
    }

    /// <summary>Waits until GET /api/site has answered and the page shows its settings.</summary>
    private static Task SiteLoadedAsync(IPage page) =>
        page.WaitForSelectorAsync("html[data-site=loaded]", new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    /// <summary>Waits until a region's content has loaded (it drops aria-busy), even when it ends up empty.</summary>
    private static Task LoadedAsync(IPage page, string selector) =>
        page.WaitForSelectorAsync(selector, new PageWaitForSelectorOptions { State = WaitForSelectorState.Attached });

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
