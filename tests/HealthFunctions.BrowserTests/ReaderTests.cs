using Microsoft.Playwright;

namespace HealthFunctions.BrowserTests;

/// <summary>
/// What a reader with scripts on sees in a browser: the static pages the pipeline wrote for the
/// seeded blog, served at <c>/</c> by the LocalHost on Azurite. The tests are split by page:
/// home (ReaderTests.Home.cs), a post (ReaderTests.Post.cs), authors and tags
/// (ReaderTests.People.cs), and what every page shares (ReaderTests.Layout.cs).
/// </summary>
public sealed partial class ReaderTests(Chromium chromium, ReaderBlogSite site) : IClassFixture<ReaderBlogSite>
{
    private static readonly string Screenshots = Path.Combine(RepositoryRoot.Find(), "test-artifacts", "screenshots");

    /// <summary>A fresh tab with scripts on, once the page queue has written the pages the tests open.</summary>
    private async Task<ReaderSession> OpenAsync(int width = 1280, int height = 900)
    {
        await site.PagesWrittenAsync();
        return await chromium.OpenAsync(site.BaseUrl, width, height);
    }

    /// <summary>Saves what the reader sees to test-artifacts/screenshots/ (git-ignored) for people to look at.</summary>
    private static async Task SaveScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        Directory.CreateDirectory(Screenshots);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name), FullPage = fullPage });
    }

    private static string Px(int pixels) => pixels.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
