using System.Net;
using static Microsoft.Playwright.Assertions;

namespace HealthFunctions.BrowserTests;

/// <summary>The blob-trigger stand-in: files uploaded, changed and deleted while the site runs reach the reader.</summary>
public sealed class LiveUploadTests(Chromium chromium, EmptyBlogSite site) : IClassFixture<EmptyBlogSite>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task UploadedRenamedAndDeletedPostsReachTheReader()
    {
        using var http = site.Http(followRedirects: false);

        await site.UploadAsync("folic-acid.md", Post("Folic Acid Before Pregnancy", "folic-acid"));
        await UntilAsync(async () => (await http.GetAsync("/api/posts/folic-acid")).StatusCode == HttpStatusCode.OK);
        await using (var reader = await chromium.OpenAsync(site.BaseUrl))
        {
            await reader.Page.GotoAsync("/");
            await Expect(reader.Page.Locator("#posts .card-title")).ToHaveTextAsync(["Folic Acid Before Pregnancy"]);
        }

        await site.UploadAsync("folic-acid.md", Post("Folic Acid Before Pregnancy", "folic-acid-in-pregnancy"));
        await UntilAsync(async () => (await http.GetAsync("/api/posts/folic-acid")).StatusCode == HttpStatusCode.MovedPermanently);
        await using (var reader = await chromium.OpenAsync(site.BaseUrl))
        {
            await reader.Page.GotoAsync("/post.html?slug=folic-acid");
            await Expect(reader.Page.Locator("h1")).ToHaveTextAsync("Folic Acid Before Pregnancy");
            Assert.EndsWith("slug=folic-acid-in-pregnancy", reader.Page.Url);
        }

        await site.Source.DeleteBlobAsync("folic-acid.md");
        await UntilAsync(async () => (await http.GetAsync("/api/posts/folic-acid-in-pregnancy")).StatusCode == HttpStatusCode.NotFound);
        await using (var reader = await chromium.OpenAsync(site.BaseUrl))
        {
            await reader.Page.GotoAsync("/post.html?slug=folic-acid-in-pregnancy");
            await Expect(reader.Page.Locator("h1")).ToHaveTextAsync("Post not found");
            await reader.Page.GotoAsync("/");
            await Expect(reader.Page.Locator("#listing-status")).ToContainTextAsync("No posts have been published yet.");
        }
    }

    private static string Post(string title, string slug) =>
        PostFile.Markdown(title, "2025-05-01", "Take 400 micrograms a day from before conception until twelve weeks.", slug: slug, tags: "pregnancy");

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
