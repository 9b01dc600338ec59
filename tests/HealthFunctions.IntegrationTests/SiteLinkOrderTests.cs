namespace HealthFunctions.IntegrationTests;

/// <summary>
/// No broken link at any moment, not only at rest: every page write and delete on Azurite is watched
/// (<see cref="LinkWatchingPageStore"/>), so a page written before a page it links to, or deleted
/// while linked, fails the test.
/// </summary>
public sealed class SiteLinkOrderTests : IAsyncLifetime
{
    private readonly BlogTestHost _host;
    private LinkWatchingPageStore? _watcher;

    public SiteLinkOrderTests(AzuriteFixture azurite)
    {
        _host = new BlogTestHost(azurite, site: true, configure: LinkWatchingPageStore.Install(store => _watcher = store));
    }

    private LinkWatchingPageStore Watcher => _watcher ?? throw new InvalidOperationException("no page was stored yet");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_first_post_ever_finds_home_tag_and_month_pages_written_before_its_own_page()
    {
        await _host.UploadAndTriggerAsync("first.md", PostFile.Markdown("First", "2025-06-10", tags: "brand new"));

        AssertNoBrokenLink();
        var created = Watcher.Created.ToList();
        Assert.True(created.IndexOf("/first/") > created.IndexOf("/tags/brand-new/"), string.Join(", ", created));
        Assert.True(created.IndexOf("/first/") > created.IndexOf("/"), string.Join(", ", created));
        foreach (var path in new[] { "/", "/tags/brand-new/", "/2025/06/" })
        {
            Assert.DoesNotContain("href=\"/first/\"", await _host.PageAsync(path));
        }

        Assert.Contains("Posts tagged brand new", await _host.PageAsync("/tags/brand-new/"));

        await _host.SettleAsync();

        AssertNoBrokenLink();
        foreach (var path in new[] { "/", "/tags/brand-new/", "/2025/06/" })
        {
            Assert.Contains("href=\"/first/\"", await _host.PageAsync(path));
        }
    }

    [Fact]
    public async Task Regression_a_new_tag_page_no_longer_lists_the_new_post_before_the_post_page_exists()
    {
        await _host.UploadAndTriggerAsync("old.md", PostFile.Markdown("Old", "2025-01-05", tags: "sleep"));
        await _host.SettleAsync();

        await _host.UploadAndTriggerAsync("new.md", PostFile.Markdown("New", "2025-03-05", tags: "sleep, fresh tag"));

        AssertNoBrokenLink();
        var tag = await _host.PageAsync("/tags/fresh-tag/");
        Assert.NotNull(tag);
        Assert.DoesNotContain("href=\"/new/\"", tag);
        Assert.Contains("href=\"/old/\"", tag); // Latest Posts still lists the posts whose pages exist
        Assert.DoesNotContain("href=\"/new/\"", await _host.PageAsync("/2025/03/"));

        await _host.SettleAsync();

        AssertNoBrokenLink();
        Assert.Contains("href=\"/new/\"", await _host.PageAsync("/tags/fresh-tag/"));
        Assert.Contains("href=\"/new/\"", await _host.PageAsync("/2025/03/"));
        Assert.Contains("href=\"/new/\"", await _host.PageAsync("/old/"));
    }

    [Fact]
    public async Task Two_new_posts_racing_on_one_new_tag_never_link_to_a_missing_page_nor_to_each_other_early()
    {
        await Task.WhenAll(
            _host.UploadAndTriggerAsync("one.md", PostFile.Markdown("One", "2025-05-01", tags: "race")),
            _host.UploadAndTriggerAsync("two.md", PostFile.Markdown("Two", "2025-05-02", tags: "race")));
        await _host.SettleAsync();

        var tag = await _host.PageAsync("/tags/race/");
        Assert.Contains("href=\"/one/\"", tag);
        Assert.Contains("href=\"/two/\"", tag);
        Assert.Contains("href=\"/one/\"", await _host.PageAsync("/two/"));
        Assert.Contains("href=\"/two/\"", await _host.PageAsync("/one/"));
        AssertNoBrokenLink();
    }

    [Fact]
    public async Task A_deleted_author_profile_takes_its_page_away_after_every_byline_linking_to_it()
    {
        await _host.UploadAndTriggerAsync("authors/dr-x.md", "---\nname: Dr X\ncredentials: MD\n---\nA doctor.\n");
        await _host.UploadAndTriggerAsync("p.md", PostFile.Markdown("By X", "2025-04-04", extra: "author: Dr X"));
        await _host.UploadAndTriggerAsync("q.md", PostFile.Markdown("Reviewed by X", "2025-04-05", extra: "author: Someone\nreviewedBy: Dr X"));
        await _host.SettleAsync();
        Assert.Contains("href=\"/authors/dr-x/\"", await _host.PageAsync("/p/"));
        Assert.Contains("Dr X", await _host.PageAsync("/authors/dr-x/"));

        await _host.Source.DeleteBlobAsync("authors/dr-x.md");
        await _host.TriggerAsync("authors/dr-x.md");
        await _host.SettleAsync();

        AssertNoBrokenLink();
        Assert.Null(await _host.PageAsync("/authors/dr-x/"));
        Assert.Contains("By X", await _host.PageAsync("/p/"));
        await foreach (var blob in _host.Web.GetBlobsAsync())
        {
            Assert.DoesNotContain("/authors/dr-x/", (await _host.Web.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }
    }

    private void AssertNoBrokenLink() => Assert.True(Watcher.Broken.IsEmpty, string.Join("\n", Watcher.Broken));
}
