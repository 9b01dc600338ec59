using Azure.Data.Tables;
using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.IntegrationTests;

/// <summary>Images, author profiles and site.yaml through upload, replacement and deletion, as posts are.</summary>
public sealed class AssetLifecycleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string PostWithImage = "---\ntitle: Walking\ndate: 2025-01-01\n---\n![A woman walking a dog](img/walk.png)\n\nWalking helps.\n";

    private readonly BlogTestHost _host = new(azurite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_missing_image_is_a_warning_and_uploading_it_later_updates_the_post()
    {
        await _host.UploadAndTriggerAsync("walks/walking.md", PostWithImage);
        var before = await SourceAsync("walks/walking.md");
        Assert.Equal(SourceState.Published, before.State);
        Assert.Contains(before.Warnings, w => w.Contains("'img/walk.png' was not found", StringComparison.Ordinal));

        await _host.UploadBytesAsync("walks/img/walk.png", TestImages.Png(64, 48));
        await _host.TriggerAsync("walks/img/walk.png");

        var html = (await _host.GetPostAsync("walking")).Json.GetProperty("html").GetString()!;
        Assert.Contains("width=\"64\" height=\"48\"", html);
        Assert.Contains($"/{_host.Settings["Publishing:MediaContainer"]}/walks/img/walk.png?v=", html);
        Assert.Empty((await SourceAsync("walks/walking.md")).Warnings);
    }

    [Fact]
    public async Task Replacing_an_image_gives_it_a_new_url_and_size_and_deleting_it_removes_it()
    {
        await _host.UploadBytesAsync("walks/img/walk.png", TestImages.Png(64, 48));
        await _host.TriggerAsync("walks/img/walk.png");
        await _host.UploadAndTriggerAsync("walks/walking.md", PostWithImage);
        var first = (await _host.GetPostAsync("walking")).Json.GetProperty("html").GetString()!;

        await _host.UploadBytesAsync("walks/img/walk.png", TestImages.Png(80, 60));
        await _host.TriggerAsync("walks/img/walk.png");
        var second = (await _host.GetPostAsync("walking")).Json.GetProperty("html").GetString()!;

        Assert.Contains("width=\"80\" height=\"60\"", second);
        Assert.NotEqual(Version(first), Version(second));

        await _host.Source.DeleteBlobAsync("walks/img/walk.png");
        await _host.Get<ContentSync>().SyncAsync("walks/img/walk.png", CancellationToken.None);

        Assert.False(await _host.Media.GetBlobClient("walks/img/walk.png").ExistsAsync());
        Assert.DoesNotContain("<img src=\"http", (await _host.GetPostAsync("walking")).Json.GetProperty("html").GetString());
        Assert.Contains((await SourceAsync("walks/walking.md")).Warnings, w => w.Contains("not found", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("fake.png", "not an image")]
    [InlineData("photo.jpg", "named as image/jpeg but holds image/png")]
    public async Task Files_that_are_not_the_images_they_claim_are_rejected(string name, string expected)
    {
        var content = name == "fake.png" ? "this is text"u8.ToArray() : TestImages.Png(10, 10);
        await _host.UploadBytesAsync(name, content);
        await _host.TriggerAsync(name);

        var record = await SourceAsync(name);
        Assert.Equal(SourceState.Failed, record.State);
        Assert.Contains(expected, record.Message);
        Assert.False(await _host.Media.GetBlobClient(name).ExistsAsync());
    }

    [Fact]
    public async Task An_oversized_image_is_rejected()
    {
        await using var small = new BlogTestHost(azurite, extraSettings: new Dictionary<string, string?> { ["Publishing:MaxImageBytes"] = "2048" });
        await small.UploadBytesAsync("big.png", Noise(4096));
        await small.TriggerAsync("big.png");

        var record = await small.Get<IPostIndex>().GetSourceAsync("big.png", CancellationToken.None);
        Assert.Equal(SourceState.Failed, record!.State);
        Assert.Contains("the limit is 2,048 bytes", record.Message);
    }

    [Fact]
    public async Task Images_without_alt_text_are_flagged()
    {
        await _host.UploadAndTriggerAsync("no-alt.md", "---\ntitle: No alt\ndate: 2025-01-01\nimage: https://cdn.example/a.jpg\n---\n![](https://cdn.example/b.jpg)\n");

        var record = await SourceAsync("no-alt.md");
        Assert.Contains(record.Warnings, w => w.Contains("'https://cdn.example/b.jpg' has no alt text", StringComparison.Ordinal));
        Assert.Contains(record.Warnings, w => w.Contains("has no 'imageAlt'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Replacing_and_deleting_an_author_is_reflected_at_once()
    {
        await _host.UploadAndTriggerAsync("posts/a.md", "---\ntitle: A\ndate: 2025-01-01\nauthor: jo-bloggs\n---\nText\n");
        Assert.Contains((await SourceAsync("posts/a.md")).Warnings, w => w.Contains("author 'jo-bloggs' has no profile", StringComparison.Ordinal));

        await _host.UploadAndTriggerAsync("authors/jo-bloggs.md", "---\nname: Jo Bloggs\ncredentials: RN\n---\nNurse.\n");
        Assert.Empty((await SourceAsync("posts/a.md")).Warnings);
        Assert.Equal("RN", (await AuthorAsync()).Json.GetProperty("credentials").GetString());

        await _host.UploadAndTriggerAsync("authors/jo-bloggs.md", "---\nname: Jo Bloggs\ncredentials: RN, MSc\n---\nNurse.\n");
        Assert.Equal("RN, MSc", (await AuthorAsync()).Json.GetProperty("credentials").GetString());
        Assert.Equal("RN, MSc", (await _host.GetPostAsync("a")).Json.GetProperty("authorProfile").GetProperty("credentials").GetString());

        await _host.Source.DeleteBlobAsync("authors/jo-bloggs.md");
        await _host.Get<ContentSync>().SyncAsync("authors/jo-bloggs.md", CancellationToken.None);
        Assert.Equal(404, (await AuthorAsync()).Status);

        // Which posts name the profile is kept in their status rows, so its removal reaches them too.
        Assert.Contains((await SourceAsync("posts/a.md")).Warnings, w => w.Contains("author 'jo-bloggs' has no profile", StringComparison.Ordinal));
        Assert.Equal(["jo-bloggs"], (await SourceAsync("posts/a.md")).People);
    }

    [Fact]
    public async Task An_author_profile_changed_on_another_instance_is_seen_by_the_very_next_publish()
    {
        await using var other = new BlogTestHost(azurite.ConnectionString, _host.Clock.GetUtcNow(), _host.Settings);
        await _host.UploadAndTriggerAsync("posts/a.md", ByJo("A"));
        Assert.Contains((await SourceAsync("posts/a.md")).Warnings, w => w.Contains("author 'jo-bloggs' has no profile", StringComparison.Ordinal));

        await other.UploadAndTriggerAsync("authors/jo-bloggs.md", "---\nname: Jo Bloggs\n---\nNurse.\n");
        await _host.UploadAndTriggerAsync("posts/b.md", ByJo("B"));
        Assert.Empty((await SourceAsync("posts/b.md")).Warnings);

        await other.Source.DeleteBlobAsync("authors/jo-bloggs.md");
        await other.Get<ContentSync>().SyncAsync("authors/jo-bloggs.md", CancellationToken.None);
        await _host.UploadAndTriggerAsync("posts/c.md", ByJo("C"));
        Assert.Contains((await SourceAsync("posts/c.md")).Warnings, w => w.Contains("author 'jo-bloggs' has no profile", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Posts_by_one_author_read_the_profile_from_storage_once_per_version()
    {
        CountingSiteContent? counting = null;
        await using var host = new BlogTestHost(azurite, configure: services => services.AddSingleton<ISiteContentStore>(sp =>
            counting = new CountingSiteContent(ActivatorUtilities.CreateInstance<TableSiteContentStore>(sp, sp.GetRequiredService<TableServiceClient>()))));
        await host.UploadAndTriggerAsync("authors/jo-bloggs.md", "---\nname: Jo Bloggs\n---\nNurse.\n");

        foreach (var name in new[] { "a", "b", "c" })
        {
            await host.UploadAndTriggerAsync($"posts/{name}.md", ByJo(name));
        }

        var readsForFirstVersion = counting!.AuthorReads;

        // The edit re-publishes the three posts, which read the new version once between them.
        await host.UploadAndTriggerAsync("authors/jo-bloggs.md", "---\nname: Jo Bloggs\ncredentials: RN\n---\nNurse.\n");
        await host.UploadAndTriggerAsync("posts/d.md", ByJo("D"));

        Assert.Equal(1, readsForFirstVersion);
        Assert.Equal(2, counting.AuthorReads);
        foreach (var name in new[] { "a", "b", "c", "d" })
        {
            var record = (await host.Get<IPostIndex>().GetSourceAsync($"posts/{name}.md", CancellationToken.None))!;
            Assert.Equal(SourceState.Published, record.State);
            Assert.Empty(record.Warnings);
        }
    }

    [Fact]
    public async Task An_author_without_a_name_is_rejected_naming_the_field()
    {
        await _host.UploadAndTriggerAsync("authors/nobody.md", "---\ncredentials: MD\n---\nBio\n");

        var record = await SourceAsync("authors/nobody.md");
        Assert.Equal(SourceState.Failed, record.State);
        Assert.Contains("'name'", record.Message);
    }

    [Fact]
    public async Task Site_settings_are_replaced_and_fall_back_to_defaults_when_deleted()
    {
        await _host.UploadAndTriggerAsync("site.yaml", "title: First title\nlanguage: en\n");
        await _host.UploadAndTriggerAsync("site.yaml", "title: Second title\nlanguage: de\nbaseUrl: https://blog.example/\n");

        var site = (await SiteAsync()).Json;
        Assert.Equal("Second title", site.GetProperty("title").GetString());
        Assert.Equal("https://blog.example", site.GetProperty("baseUrl").GetString());

        await _host.Source.DeleteBlobAsync("site.yaml");
        await _host.Get<ContentSync>().SyncAsync("site.yaml", CancellationToken.None);
        Assert.Equal("Trending Health And Medical Information For Healthy Living", (await SiteAsync()).Json.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Changing_the_default_author_reassigns_posts_that_name_no_author()
    {
        await _host.UploadAndTriggerAsync("authors/ann.md", "---\nname: Ann\n---\nBio\n");
        await _host.UploadAndTriggerAsync("authors/bob.md", "---\nname: Bob\n---\nBio\n");
        await _host.UploadAndTriggerAsync("site.yaml", "title: Blog\ndefaultAuthor: ann\n");
        await _host.UploadAndTriggerAsync("anonymous.md", PostFile.Markdown("Anonymous", "2025-01-01"));
        await _host.UploadAndTriggerAsync("signed.md", PostFile.Markdown("Signed", "2025-01-02", extra: "author: bob"));
        Assert.Equal("Ann", (await _host.GetPostAsync("anonymous")).Json.GetProperty("authorProfile").GetProperty("name").GetString());

        await _host.UploadAndTriggerAsync("site.yaml", "title: Blog\ndefaultAuthor: bob\n");

        Assert.Equal("Bob", (await _host.GetPostAsync("anonymous")).Json.GetProperty("authorProfile").GetProperty("name").GetString());
        Assert.Equal("Bob", (await _host.GetPostAsync("signed")).Json.GetProperty("authorProfile").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Bad_site_settings_are_rejected_and_the_old_ones_stay()
    {
        await _host.UploadAndTriggerAsync("site.yaml", "title: Good\n");
        await _host.UploadAndTriggerAsync("site.yaml", "title: Bad\nbaseUrl: not a url\n");

        Assert.Equal("Good", (await SiteAsync()).Json.GetProperty("title").GetString());
        var record = await SourceAsync("site.yaml");
        Assert.Equal(SourceState.Failed, record.State);
        Assert.Contains("'baseUrl' (line 2)", record.Message);
    }

    [Fact]
    public async Task Svg_uploads_are_ignored_with_a_reason()
    {
        var result = await _host.Get<ContentSync>().SyncAsync("diagram.svg", CancellationToken.None);

        Assert.Equal(SyncOutcome.Ignored, result.Outcome);
        Assert.Contains("SVG", result.Message);
    }

    private static string ByJo(string title) => $"---\ntitle: {title}\ndate: 2025-01-01\nauthor: jo-bloggs\n---\nText\n";

    private static string Version(string html) => html[(html.IndexOf("?v=", StringComparison.Ordinal) + 3)..][..12];

    private static byte[] Noise(int length)
    {
        var bytes = new byte[length];
        new Random(7).NextBytes(bytes);
        return bytes;
    }

    private Task<TestResponse> AuthorAsync() =>
        _host.GetAsync("/api/authors/jo-bloggs");

    private Task<TestResponse> SiteAsync() =>
        _host.GetAsync("/api/site");

    private async Task<SourceRecord> SourceAsync(string name) =>
        (await _host.Get<IPostIndex>().GetSourceAsync(name, CancellationToken.None))!;
}
