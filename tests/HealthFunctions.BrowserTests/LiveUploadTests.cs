using System.Net;
using HealthFunctions.LocalHost;
using static Microsoft.Playwright.Assertions;

namespace HealthFunctions.BrowserTests;

/// <summary>The blob-trigger stand-in: files uploaded, changed and deleted while the site runs reach the reader's static pages.</summary>
public sealed class LiveUploadTests(Chromium chromium, EmptyBlogSite site) : IClassFixture<EmptyBlogSite>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_upload_shows_on_its_post_tag_and_author_pages_and_a_rename_and_a_delete_follow_it()
    {
        using var http = site.Http(followRedirects: false);

        // Before anything is published the root says so, instead of an empty page.
        var before = await http.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(SiteContainerFiles.NothingPublished, await before.Content.ReadAsStringAsync());

        await site.UploadAsync("authors/dana-reyes.md", "---\nname: Dana Reyes\ncredentials: RN\n---\n\nDana writes about pregnancy.\n");
        await site.UploadAsync("folic-acid.md", Post("folic-acid"));
        await UntilPageAsync(http, "/authors/dana-reyes/", "/folic-acid/");
        await UntilPageAsync(http, "/tags/pregnancy/", "/folic-acid/");
        await UntilPageAsync(http, "/", "/folic-acid/");
        await using (var reader = await chromium.OpenAsync(site.BaseUrl))
        {
            await reader.Page.GotoAsync("/");
            await Expect(reader.Page.Locator("#posts .card-title")).ToHaveTextAsync([Title]);
            await reader.Page.GotoAsync("/folic-acid/");
            await Expect(reader.Page.Locator("h1")).ToHaveTextAsync(Title);
            await Expect(reader.Page.Locator(".byline")).ToContainTextAsync("Dana Reyes, RN");
            await reader.Page.GotoAsync("/tags/pregnancy/");
            await Expect(reader.Page.Locator("#posts .card-title")).ToHaveTextAsync([Title]);
            await reader.Page.GotoAsync("/authors/dana-reyes/");
            await Expect(reader.Page.Locator("h1")).ToHaveTextAsync("Dana Reyes");
            await Expect(reader.Page.Locator("#posts .card-title")).ToHaveTextAsync([Title]);
            Assert.Empty(reader.ScriptErrors);
        }

        await site.UploadAsync("folic-acid.md", Post("folic-acid-in-pregnancy"));
        await UntilPageAsync(http, "/folic-acid/", "/folic-acid-in-pregnancy/");
        await UntilPageAsync(http, "/folic-acid-in-pregnancy/", Title);
        await using (var reader = await chromium.OpenAsync(site.BaseUrl))
        {
            await reader.Page.GotoAsync("/folic-acid/");
            await Expect(reader.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/folic-acid-in-pregnancy/$"));
            await Expect(reader.Page.Locator("h1")).ToHaveTextAsync(Title);
        }

        await site.Source.DeleteBlobAsync("folic-acid.md");
        await UntilAsync(async () => (await http.GetAsync("/folic-acid-in-pregnancy/")).StatusCode == HttpStatusCode.NotFound);
        await UntilPageAsync(http, "/", "No posts here yet.");
        await using (var reader = await chromium.OpenAsync(site.BaseUrl))
        {
            var gone = await reader.Page.GotoAsync("/folic-acid-in-pregnancy/");
            Assert.Equal(404, gone!.Status);
            await Expect(reader.Page.Locator("h1")).ToHaveTextAsync("Page not found");
            await reader.Page.GotoAsync("/");
            await Expect(reader.Page.Locator("#posts .card")).ToHaveCountAsync(0);
            await Expect(reader.Page.Locator("main")).ToContainTextAsync("No posts here yet.");
        }
    }

    private const string Title = "Folic Acid Before Pregnancy";

    private static string Post(string slug) =>
        PostFile.Markdown(Title, "2025-05-01", "Take 400 micrograms a day from before conception until twelve weeks.", slug: slug, tags: "pregnancy", extra: "author: dana-reyes");

    /// <summary>Waits until the page at <paramref name="path"/> is written and contains <paramref name="text"/>.</summary>
    private static Task UntilPageAsync(HttpClient http, string path, string text) => UntilAsync(async () =>
    {
        using var response = await http.GetAsync(path);
        return response.IsSuccessStatusCode && (await response.Content.ReadAsStringAsync()).Contains(text, StringComparison.Ordinal);
    });

    private static async Task UntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not reached within {Patience.TotalSeconds} s");
            await Task.Delay(100);
        }
    }
}
