using AngleSharp.Html.Parser;
using HealthFunctions.Functions;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// Related posts through the publish path into Azurite: computed when posts change, stored, and
/// shown by <c>GET /api/posts/{slug}</c>; kept right when a related post is edited, renamed or removed.
/// </summary>
public sealed class RelatedPostsTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string SleepBody = "Good sleep needs a dark room, a regular bedtime and no screens late at night. Melatonin can help with jet lag.";
    private const string HeartBody = "Eating less salt lowers blood pressure and protects the heart and kidneys.";

    private readonly BlogTestHost _host = new(azurite, new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public async ValueTask InitializeAsync()
    {
        await _host.UploadAndTriggerAsync("sleep-basics.md", PostFile.Markdown("Sleep basics", "2025-09-01", SleepBody, tags: "sleep"));
        await _host.UploadAndTriggerAsync("sleep-older.md", PostFile.Markdown("Sleep tips", "2025-10-01", SleepBody, tags: "sleep"));
        await _host.UploadAndTriggerAsync("sleep-newer.md", PostFile.Markdown("Sleep tips", "2025-11-01", SleepBody, tags: "sleep"));
        await _host.UploadAndTriggerAsync("salt.md", PostFile.Markdown("Salt and your heart", "2025-08-01", HeartBody, tags: "heart"));
        await _host.UploadAndTriggerAsync("draft.md", PostFile.Markdown("Sleep draft", "2025-10-01", SleepBody, tags: "sleep", draft: true));
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private async Task<List<string>> RelatedAsync(string slug)
    {
        var response = await _host.GetPostAsync(slug);
        Assert.Equal(200, response.Status);
        return response.Json.GetProperty("related").EnumerateArray().Select(i => i.GetProperty("slug").GetString()!).ToList();
    }

    [Fact]
    public async Task Posts_sharing_tags_and_text_come_first_newest_first_among_equals_and_never_drafts()
    {
        var related = await RelatedAsync("sleep-basics");

        Assert.Equal(["sleep-newer", "sleep-older"], related.Take(2));
        Assert.DoesNotContain("draft", related);
        Assert.DoesNotContain("sleep-basics", related);
        var first = (await _host.GetPostAsync("sleep-basics")).Json.GetProperty("related")[0];
        Assert.Equal("Sleep tips", first.GetProperty("title").GetString());
        Assert.Equal("/sleep-newer/", first.GetProperty("url").GetString());
        Assert.Equal("/api/posts/sleep-newer", first.GetProperty("apiUrl").GetString());
    }

    [Fact]
    public async Task A_new_post_joins_the_lists_of_the_posts_it_is_like()
    {
        await _host.UploadAndTriggerAsync("sleep-newest.md", PostFile.Markdown("Sleep tips", "2025-12-01", SleepBody, tags: "sleep"));

        Assert.Equal("sleep-newest", (await RelatedAsync("sleep-basics"))[0]);
        Assert.Contains("sleep-newest", await RelatedAsync("sleep-older"));
    }

    [Fact]
    public async Task An_edit_that_makes_a_post_unlike_the_others_takes_it_out_of_their_lists()
    {
        Assert.Contains("sleep-older", await RelatedAsync("sleep-basics"));

        await _host.UploadAndTriggerAsync("sleep-older.md", PostFile.Markdown("Zebra care", "2025-10-01", "Zebras graze on savanna grass.", tags: "zebras"));

        Assert.DoesNotContain("sleep-older", await RelatedAsync("sleep-basics"));
        Assert.DoesNotContain("sleep-older", await RelatedAsync("sleep-newer"));
    }

    [Fact]
    public async Task A_renamed_post_is_listed_under_its_new_slug_and_a_deleted_one_not_at_all()
    {
        await _host.UploadAndTriggerAsync("sleep-older.md", PostFile.Markdown("Sleep tips", "2025-10-01", SleepBody, slug: "sleep-moved", tags: "sleep"));

        var afterRename = await RelatedAsync("sleep-basics");
        Assert.Contains("sleep-moved", afterRename);
        Assert.DoesNotContain("sleep-older", afterRename);

        await _host.Source.DeleteBlobAsync("sleep-newer.md");
        await _host.TriggerAsync("sleep-newer.md");

        var afterDelete = await RelatedAsync("sleep-basics");
        Assert.DoesNotContain("sleep-newer", afterDelete);
        Assert.Equal("sleep-moved", afterDelete[0]);
    }

    [Fact]
    public async Task Fan_out_past_the_inline_limit_goes_through_the_queue_and_replays_harmlessly()
    {
        await using var host = new BlogTestHost(azurite, _host.Clock.GetUtcNow(), new Dictionary<string, string?> { ["Related:InlineLimit"] = "1" });
        await host.UploadAndTriggerAsync("a.md", PostFile.Markdown("Sleep tips", "2025-09-01", SleepBody, tags: "sleep"));
        await host.UploadAndTriggerAsync("b.md", PostFile.Markdown("Sleep tips", "2025-10-01", SleepBody, tags: "sleep"));
        await host.UploadAndTriggerAsync("c.md", PostFile.Markdown("Sleep tips", "2025-11-01", SleepBody, tags: "sleep"));
        var queue = host.Queues.GetQueueClient(host.Settings["Related:Queue"]);

        var messages = (await queue.ReceiveMessagesAsync(32)).Value;
        Assert.NotEmpty(messages);
        foreach (var message in messages.Concat(messages))
        {
            // Each message twice: recomputation from the index as it is now is safe to repeat.
            await host.Get<RefreshRelatedPosts>().RunAsync(message.Body.ToString(), CancellationToken.None);
        }

        var related = (await host.GetPostAsync("a")).Json.GetProperty("related").EnumerateArray().Select(i => i.GetProperty("slug").GetString()).ToList();
        Assert.Equal(["c", "b"], related);
        await host.Get<RefreshRelatedPosts>().RunAsync("{\"slugs\":[\"../etc\"]}", CancellationToken.None);
        await queue.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task The_post_page_links_only_to_related_pages_that_exist_and_drops_a_removed_one()
    {
        await using var site = new BlogTestHost(azurite, _host.Clock.GetUtcNow(), site: true);
        await site.UploadAndTriggerAsync("sleep-basics.md", PostFile.Markdown("Sleep basics", "2025-09-01", SleepBody, tags: "sleep"));
        await site.UploadAndTriggerAsync("sleep-older.md", PostFile.Markdown("Sleep tips", "2025-10-01", SleepBody, tags: "sleep"));
        await site.UploadAndTriggerAsync("sleep-newer.md", PostFile.Markdown("Sleep <tips>", "2025-11-01", SleepBody, tags: "sleep"));
        await site.SettleAsync();

        var page = new HtmlParser().ParseDocument((await site.PageAsync("/sleep-basics/"))!);
        var links = page.QuerySelectorAll("nav.related a").Select(a => (a.GetAttribute("href")!, a.TextContent)).ToList();
        Assert.Equal([("/sleep-newer/", "Sleep <tips>"), ("/sleep-older/", "Sleep tips")], links);
        Assert.Contains("Sleep &lt;tips&gt;", (await site.PageAsync("/sleep-basics/"))!, StringComparison.Ordinal);

        await site.Source.DeleteBlobAsync("sleep-newer.md");
        await site.TriggerAsync("sleep-newer.md");
        await site.SettleAsync();

        foreach (var slug in new[] { "sleep-basics", "sleep-older" })
        {
            var after = new HtmlParser().ParseDocument((await site.PageAsync($"/{slug}/"))!);
            var hrefs = after.QuerySelectorAll("nav.related a").Select(a => a.GetAttribute("href")!).ToList();
            Assert.DoesNotContain("/sleep-newer/", hrefs);
            foreach (var href in hrefs)
            {
                Assert.NotNull(await site.PageAsync(href));
            }
        }
    }
}
