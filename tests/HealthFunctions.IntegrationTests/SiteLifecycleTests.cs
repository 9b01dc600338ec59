using System.Xml.Linq;
using HealthFunctions.Site.Writing;

namespace HealthFunctions.IntegrationTests;

/// <summary>The static site through a post's life: publish, edit, rename, unpublish, delete, schedule; each page checked in the site container.</summary>
public sealed class SiteLifecycleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite, site: true);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_upload_writes_its_own_page_at_once_and_the_shared_pages_through_the_queue()
    {
        await _host.UploadAndTriggerAsync("sleep.md", PostFile.Markdown("Sleep hygiene", "2025-03-01", tags: "sleep, habits"));

        Assert.Contains("<h1 class=\"post-title\">Sleep hygiene</h1>", await _host.PageAsync("/sleep/"));
        Assert.DoesNotContain("href=\"/sleep/\"", await _host.PageAsync("/")); // a first version, written before the post page

        Assert.True(await _host.DrainAsync() > 0);

        Assert.Contains("href=\"/sleep/\"", await _host.PageAsync("/"));
        Assert.Contains("href=\"/sleep/\"", await _host.PageAsync("/tags/sleep/"));
        Assert.Contains("href=\"/sleep/\"", await _host.PageAsync("/tags/habits/"));
        Assert.Contains("href=\"/sleep/\"", await _host.PageAsync("/2025/03/"));
        Assert.Contains("<title>Sleep hygiene</title>", await _host.PageAsync("/feed.xml"));
        Assert.Contains("https://blog.example/sleep/", await _host.PageAsync("/atom.xml"));
        Assert.Contains("<loc>https://blog.example/sleep/</loc>", await _host.PageAsync("/sitemap.xml"));
        Assert.Contains("Sitemap: https://blog.example/sitemap.xml", await _host.PageAsync("/robots.txt"));
        Assert.Contains("Sleep hygiene", await _host.PageAsync("/tags/sleep/feed.xml"));
    }

    [Fact]
    public async Task Every_file_carries_cache_control_by_kind()
    {
        await _host.UploadAndTriggerAsync("sleep.md", PostFile.Markdown("Sleep", "2025-03-01"));
        await _host.DrainAsync();

        async Task<string?> CacheOf(string blob) => (await _host.Web.GetBlobClient(blob).GetPropertiesAsync()).Value.CacheControl;
        Assert.Equal("public, max-age=3600", await CacheOf("sleep/index.html"));
        Assert.Equal("public, max-age=60", await CacheOf("index.html"));
        Assert.Equal("public, max-age=60", await CacheOf("feed.xml"));
        Assert.Equal("text/html; charset=utf-8", (await _host.Web.GetBlobClient("sleep/index.html").GetPropertiesAsync()).Value.ContentType);
    }

    [Fact]
    public async Task An_edited_title_shows_on_every_page_and_feed()
    {
        await _host.UploadAndTriggerAsync("flu.md", PostFile.Markdown("Flu sesaon", "2025-01-10", tags: "flu"));
        await _host.DrainAsync();
        await _host.UploadAndTriggerAsync("flu.md", PostFile.Markdown("Flu season", "2025-01-10", tags: "flu"));
        await _host.DrainAsync();

        foreach (var path in new[] { "/flu/", "/", "/tags/flu/", "/2025/01/", "/feed.xml", "/atom.xml", "/tags/flu/feed.xml" })
        {
            var page = await _host.PageAsync(path);
            Assert.Contains("Flu season", page);
            Assert.DoesNotContain("Flu sesaon", page);
        }
    }

    [Fact]
    public async Task A_slug_change_leaves_a_redirect_page_at_the_old_address()
    {
        await _host.UploadAndTriggerAsync("bp.md", PostFile.Markdown("Blood pressure", "2025-02-02", slug: "blood-pressure"));
        await _host.DrainAsync();
        await _host.UploadAndTriggerAsync("bp.md", PostFile.Markdown("Blood pressure", "2025-02-02", slug: "high-blood-pressure"));
        await _host.DrainAsync();

        var old = await _host.PageAsync("/blood-pressure/");
        Assert.Contains("<meta http-equiv=\"refresh\" content=\"0; url=/high-blood-pressure/\">", old);
        Assert.Contains("noindex", old);
        Assert.Contains("Blood pressure", await _host.PageAsync("/high-blood-pressure/"));
        Assert.Contains("href=\"/high-blood-pressure/\"", await _host.PageAsync("/"));
        Assert.DoesNotContain("href=\"/blood-pressure/\"", await _host.PageAsync("/"));
    }

    [Fact]
    public async Task A_delete_removes_the_page_and_every_link_to_it()
    {
        await _host.UploadAndTriggerAsync("a.md", PostFile.Markdown("Alpha", "2025-01-01", tags: "shared, only-a"));
        await _host.UploadAndTriggerAsync("b.md", PostFile.Markdown("Beta", "2025-01-02", tags: "shared"));
        await _host.DrainAsync();
        Assert.Contains("href=\"/a/\"", await _host.PageAsync("/b/"));

        await _host.Source.DeleteBlobAsync("a.md");
        await _host.TriggerAsync("a.md");
        await _host.SettleAsync();

        Assert.Null(await _host.PageAsync("/a/"));
        Assert.Null(await _host.PageAsync("/tags/only-a/"));
        await foreach (var blob in _host.Web.GetBlobsAsync())
        {
            Assert.DoesNotContain("/a/\"", (await _host.Web.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }
    }

    [Fact]
    public async Task A_deleted_post_leaves_no_link_in_the_latest_posts_of_pages_that_do_not_list_it()
    {
        await _host.UploadAndTriggerAsync("a.md", PostFile.Markdown("Alpha", "2025-01-01", tags: "x"));
        await _host.UploadAndTriggerAsync("b.md", PostFile.Markdown("Beta", "2025-01-02", tags: "y"));
        await _host.UploadAndTriggerAsync("c.md", PostFile.Markdown("Gamma", "2025-02-03", tags: "x"));
        await _host.SettleAsync();
        Assert.Contains("href=\"/b/\"", await _host.PageAsync("/tags/x/"));

        await _host.Source.DeleteBlobAsync("b.md");
        await _host.TriggerAsync("b.md");
        Assert.NotNull(await _host.PageAsync("/b/"));
        await _host.SettleAsync();

        Assert.Null(await _host.PageAsync("/b/"));
        await foreach (var blob in _host.Web.GetBlobsAsync())
        {
            Assert.DoesNotContain("/b/\"", (await _host.Web.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString());
        }
    }

    [Fact]
    public async Task Drafts_and_future_posts_are_never_written_and_a_scheduled_post_appears_at_its_time()
    {
        var now = _host.Clock.GetUtcNow();
        await _host.UploadAndTriggerAsync("draft.md", PostFile.Markdown("Draft", "2025-01-01", draft: true));
        await _host.UploadAndTriggerAsync("soon.md", PostFile.Markdown("Soon", now.AddMinutes(30).ToString("yyyy-MM-ddTHH:mm:ssZ")));
        await _host.UploadAndTriggerAsync("now.md", PostFile.Markdown("Now", now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ")));
        await _host.DrainAsync();

        Assert.Null(await _host.PageAsync("/draft/"));
        Assert.Null(await _host.PageAsync("/soon/"));
        Assert.DoesNotContain("/soon/", await _host.PageAsync("/"));

        _host.Clock.SetUtcNow(now.AddMinutes(31));
        await Task.Delay(TimeSpan.FromSeconds(1.2));
        await _host.DrainAsync();

        Assert.Contains("Soon", await _host.PageAsync("/soon/"));
        Assert.Contains("href=\"/soon/\"", await _host.PageAsync("/"));
    }

    [Fact]
    public async Task Two_uploads_racing_on_one_tag_page_both_end_up_on_it()
    {
        await Task.WhenAll(
            _host.UploadAndTriggerAsync("one.md", PostFile.Markdown("One", "2025-04-01", tags: "heart")),
            _host.UploadAndTriggerAsync("two.md", PostFile.Markdown("Two", "2025-04-02", tags: "heart")));
        await _host.DrainAsync(workers: 4);

        var tag = await _host.PageAsync("/tags/heart/");
        Assert.Contains("href=\"/one/\"", tag);
        Assert.Contains("href=\"/two/\"", tag);
        var feed = XDocument.Parse((await _host.PageAsync("/tags/heart/feed.xml"))!);
        Assert.Equal(["Two", "One"], feed.Descendants("item").Select(i => i.Element("title")!.Value));
    }

    [Fact]
    public async Task Replaying_a_message_or_running_it_twice_at_once_leaves_the_same_page()
    {
        await _host.UploadAndTriggerAsync("one.md", PostFile.Markdown("One", "2025-04-01", tags: "heart"));
        var message = System.Text.Json.JsonSerializer.Serialize(new PageMessage { Page = "tag/heart", Requested = _host.Clock.GetUtcNow() }, PageWork.Json);
        var work = _host.Get<PageWork>();

        await Task.WhenAll(work.HandleAsync(message, CancellationToken.None), work.HandleAsync(message, CancellationToken.None));
        var once = await _host.PageAsync("/tags/heart/");
        await work.HandleAsync(message, CancellationToken.None);

        Assert.Contains("href=\"/one/\"", once);
        Assert.Equal(once, await _host.PageAsync("/tags/heart/"));
    }

    [Fact]
    public async Task The_search_box_on_a_post_page_lands_on_a_search_page_the_pipeline_wrote()
    {
        await _host.UploadAndTriggerAsync("sleep.md", PostFile.Markdown("Sleep hygiene", "2025-03-01", tags: "sleep"));
        await _host.SettleAsync();

        var post = Parse((await _host.PageAsync("/sleep/"))!);
        var action = post.QuerySelector("form.site-search")!.GetAttribute("action")!;
        var search = Parse((await _host.PageAsync(action))!);

        Assert.Equal("/search.html", action);
        Assert.Equal("text/html; charset=utf-8", (await _host.Web.GetBlobClient("search.html").GetPropertiesAsync()).Value.ContentType);
        Assert.Equal(post.QuerySelector(".site-title")!.TextContent, search.QuerySelector(".site-title")!.TextContent);
        Assert.Equal("/sleep/", search.QuerySelector(".latest-list a")!.GetAttribute("href"));
        Assert.Equal("/search.html", search.QuerySelector("main form.search-form")!.GetAttribute("action"));
        Assert.Contains("Search results need JavaScript", search.QuerySelector("main noscript")!.InnerHtml);
        var script = search.QuerySelectorAll("script[type=module]").Select(s => s.GetAttribute("src")!).Single(src => src.EndsWith("/js/search.js", StringComparison.Ordinal));
        Assert.Matches("^/assets/[0-9a-f]{12}/js/search\\.js$", script);
        Assert.True(await _host.Web.GetBlobClient(script.TrimStart('/')).ExistsAsync(), $"{script} is not in the site container");
    }

    [Fact]
    public async Task A_site_settings_change_and_a_new_latest_post_rewrite_the_search_page()
    {
        await _host.UploadAndTriggerAsync("sleep.md", PostFile.Markdown("Sleep hygiene", "2025-03-01"));
        await _host.SettleAsync();

        await _host.UploadAndTriggerAsync("site.yaml", "title: Well Rested\n");
        await _host.UploadAndTriggerAsync("walk.md", PostFile.Markdown("Walking daily", "2025-03-02"));
        await _host.SettleAsync();

        var search = Parse((await _host.PageAsync("/search.html"))!);
        Assert.Equal("Well Rested", search.QuerySelector(".site-title")!.TextContent);
        Assert.Equal(["/walk/", "/sleep/"], search.QuerySelectorAll(".latest-list a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task A_rebuild_writes_the_search_page_again_byte_for_byte()
    {
        await _host.UploadAndTriggerAsync("sleep.md", PostFile.Markdown("Sleep hygiene", "2025-03-01"));
        await _host.SettleAsync();
        var blob = _host.Web.GetBlobClient("search.html");
        var before = (await blob.DownloadContentAsync()).Value;

        var report = await _host.Get<SiteRebuilder>().RebuildAsync(2, CancellationToken.None);

        var after = (await blob.DownloadContentAsync()).Value;
        Assert.Equal(0, report.Orphans);
        Assert.NotEqual(before.Details.ETag, after.Details.ETag);
        Assert.Equal(before.Content.ToArray(), after.Content.ToArray());
    }

    [Fact]
    public async Task When_the_search_box_goes_to_another_site_no_search_page_is_written()
    {
        await using var host = new BlogTestHost(azurite, site: true, extraSettings: new Dictionary<string, string?> { ["Site:SearchUrl"] = "https://search.example/blog" });
        await host.UploadAndTriggerAsync("sleep.md", PostFile.Markdown("Sleep hygiene", "2025-03-01"));
        await host.SettleAsync();

        var post = Parse((await host.PageAsync("/sleep/"))!);
        Assert.Equal("https://search.example/blog", post.QuerySelector("form.site-search")!.GetAttribute("action"));
        Assert.NotNull(await host.PageAsync("/404.html"));
        Assert.Null(await host.PageAsync("/search.html"));
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
}
