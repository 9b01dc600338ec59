using AngleSharp.Html.Parser;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// "Latest Posts" on every page follows the newest posts: a change to the box starts one sweep that
/// rewrites every page in bounded batches (three pages a batch here, so a sweep takes several).
/// </summary>
public sealed class SiteSidebarTests : IAsyncLifetime
{
    private readonly BlogTestHost _host;
    private LinkWatchingPageStore? _watcher;

    public SiteSidebarTests(AzuriteFixture azurite)
    {
        _host = new BlogTestHost(azurite, site: true, extraSettings: new Dictionary<string, string?> { ["Site:SweepBatchSize"] = "3" }, configure: LinkWatchingPageStore.Install(store => _watcher = store));
    }

    private LinkWatchingPageStore Watcher => _watcher ?? throw new InvalidOperationException("no page was stored yet");

    public async ValueTask InitializeAsync()
    {
        await _host.UploadAndTriggerAsync("a.md", PostFile.Markdown("Alpha", "2025-01-01", tags: "x"));
        await _host.UploadAndTriggerAsync("b.md", PostFile.Markdown("Beta", "2025-01-02", tags: "y"));
        await _host.UploadAndTriggerAsync("c.md", PostFile.Markdown("Gamma", "2025-02-03", tags: "x"));
        await _host.SettleAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_edited_title_of_a_latest_post_reaches_the_sidebar_of_every_other_page()
    {
        await _host.UploadAndTriggerAsync("b.md", PostFile.Markdown("Beta, revised", "2025-01-02", tags: "y"));
        await _host.SettleAsync();

        foreach (var path in new[] { "/a/", "/c/", "/tags/x/", "/2025/02/", "/404.html", "/search.html" })
        {
            Assert.Contains("Beta, revised", await LatestAsync(path));
        }

        Assert.True(Watcher.Broken.IsEmpty, string.Join("\n", Watcher.Broken));
    }

    [Fact]
    public async Task A_new_post_reaches_the_sidebar_of_pages_that_do_not_list_it()
    {
        await _host.UploadAndTriggerAsync("d.md", PostFile.Markdown("Delta", "2025-03-04", tags: "z"));
        await _host.SettleAsync();

        Assert.Contains("Delta", await LatestAsync("/tags/y/"));
        Assert.Contains("Delta", await LatestAsync("/a/"));
        Assert.True(Watcher.Broken.IsEmpty, string.Join("\n", Watcher.Broken));
    }

    [Fact]
    public async Task Ten_quick_edits_of_a_latest_post_rewrite_another_page_at_most_twice()
    {
        Watcher.Writes.Clear();
        for (var i = 1; i <= 10; i++)
        {
            await _host.UploadAndTriggerAsync("c.md", PostFile.Markdown($"Gamma {i}", "2025-02-03", tags: "x"));
        }

        await _host.SettleAsync();

        Assert.Contains("Gamma 10", await LatestAsync("/a/"));
        Assert.InRange(Watcher.Writes.GetValueOrDefault("/a/"), 1, 2); // /a/ neither lists nor neighbours /c/: only sweeps write it
    }

    [Fact]
    public async Task An_edit_that_leaves_the_box_as_it_was_new_tag_only_starts_no_sweep()
    {
        Watcher.Writes.Clear();
        await _host.UploadAndTriggerAsync("c.md", PostFile.Markdown("Gamma", "2025-02-03", tags: "x, winter"));
        await _host.SettleAsync();

        Assert.Contains("href=\"/tags/winter/\"", await _host.PageAsync("/c/"));

        // Pages that neither list Gamma nor show related posts: only a sweep would rewrite them
        // (post pages may be rewritten when their related posts reorder).
        Assert.Equal(0, Watcher.Writes.GetValueOrDefault("/tags/y/"));
        Assert.Equal(0, Watcher.Writes.GetValueOrDefault("/2025/01/"));
    }

    private async Task<string> LatestAsync(string path)
    {
        var document = new HtmlParser().ParseDocument((await _host.PageAsync(path))!);
        return document.QuerySelector(".latest")!.TextContent;
    }
}
