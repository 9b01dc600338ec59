using Azure.Data.Tables;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sync;

namespace HealthFunctions.IntegrationTests;

/// <summary>Edits, deletes, drafts, schedules, replays and races, each checked against the stored index.</summary>
public sealed class LifecycleTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Reuploading_a_post_updates_its_entry_in_place()
    {
        await _host.UploadAndTriggerAsync("sleep.md", PostFile.Markdown("Sleep hygene", "2025-03-01", tags: "sleep"));
        await _host.UploadAndTriggerAsync("sleep.md", PostFile.Markdown("Sleep hygiene", "2025-03-01", tags: "sleep"));

        var item = Assert.Single(await ListingAsync());
        Assert.Equal("Sleep hygiene", item.GetProperty("title").GetString());
        Assert.Single(await RowsAsync(ListingKeys.AllPosts));
        Assert.Single(await RowsAsync(ListingKeys.ForTag("sleep")));
    }

    [Fact]
    public async Task Changing_the_date_moves_the_row_without_leaving_a_duplicate()
    {
        await _host.UploadAndTriggerAsync("flu.md", PostFile.Markdown("Flu season", "2025-01-10", tags: "flu, vaccines"));
        await _host.UploadAndTriggerAsync("flu.md", PostFile.Markdown("Flu season", "2025-01-12", tags: "flu"));

        var row = Assert.Single(await RowsAsync(ListingKeys.AllPosts));
        Assert.Equal(ListingKeys.RowKey(new DateTimeOffset(2025, 1, 12, 0, 0, 0, TimeSpan.Zero), "flu"), row.RowKey);
        Assert.Single(await RowsAsync(ListingKeys.ForTag("flu")));
        Assert.Empty(await RowsAsync(ListingKeys.ForTag("vaccines")));
    }

    [Fact]
    public async Task Changing_the_slug_removes_the_old_rows_and_html_and_redirects_the_old_slug()
    {
        await _host.UploadAndTriggerAsync("bp.md", PostFile.Markdown("Blood pressure", "2025-02-02", slug: "blood-pressure"));
        await _host.UploadAndTriggerAsync("bp.md", PostFile.Markdown("Blood pressure", "2025-02-02", slug: "high-blood-pressure"));

        var item = Assert.Single(await ListingAsync());
        Assert.Equal("high-blood-pressure", item.GetProperty("slug").GetString());
        Assert.False(await _host.Html.GetBlobClient("blood-pressure.html").ExistsAsync());
        Assert.True(await _host.Html.GetBlobClient("high-blood-pressure.html").ExistsAsync());

        var old = await _host.GetPostAsync("blood-pressure");
        Assert.Equal(301, old.Status);
        Assert.Equal("/api/posts/high-blood-pressure", old.Headers.Location.ToString());
    }

    [Fact]
    public async Task Drafts_never_appear_and_unpublishing_a_post_hides_it()
    {
        await _host.UploadAndTriggerAsync("draft.md", PostFile.Markdown("Work in progress", "2025-01-01", draft: true));
        await _host.UploadAndTriggerAsync("live.md", PostFile.Markdown("Live", "2025-01-01"));
        await _host.UploadAndTriggerAsync("live.md", PostFile.Markdown("Live", "2025-01-01", draft: true));

        Assert.Empty(await ListingAsync());
        Assert.Equal(404, (await _host.GetPostAsync("draft")).Status);
        Assert.Equal(404, (await _host.GetPostAsync("live")).Status);
        Assert.False(await _host.Html.GetBlobClient("live.html").ExistsAsync());
        var record = await _host.Get<IPostIndex>().GetSourceAsync("draft.md", CancellationToken.None);
        Assert.Equal(SourceState.Draft, record!.State);
    }

    [Fact]
    public async Task A_scheduled_post_appears_by_itself_when_its_time_comes()
    {
        var now = _host.Clock.GetUtcNow();
        await _host.UploadAndTriggerAsync("soon.md", PostFile.Markdown("Next week", now.AddDays(7).ToString("yyyy-MM-ddTHH:mm:ssZ")));
        await _host.UploadAndTriggerAsync("today.md", PostFile.Markdown("Today", now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ")));

        Assert.Equal(["today"], (await ListingAsync()).Select(i => i.GetProperty("slug").GetString()));
        Assert.Equal(404, (await _host.GetPostAsync("soon")).Status);

        _host.Clock.SetUtcNow(now.AddDays(7).AddMinutes(1));

        Assert.Equal(["soon", "today"], (await ListingAsync()).Select(i => i.GetProperty("slug").GetString()));
        Assert.Equal(200, (await _host.GetPostAsync("soon")).Status);
    }

    [Fact]
    public async Task An_expired_post_leaves_the_listing()
    {
        var now = _host.Clock.GetUtcNow();
        await _host.UploadAndTriggerAsync("offer.md", PostFile.Markdown("Flu jab clinic", "2025-01-01", extra: $"expiryDate: {now.AddDays(1):yyyy-MM-dd}"));
        Assert.Single(await ListingAsync());

        _host.Clock.SetUtcNow(now.AddDays(2));

        Assert.Empty(await ListingAsync());
        Assert.Equal(404, (await _host.GetPostAsync("offer")).Status);
    }

    [Fact]
    public async Task Deleting_the_source_blob_removes_the_post_through_the_event_grid_webhook()
    {
        await _host.UploadAndTriggerAsync("gone.md", PostFile.Markdown("Gone soon", "2025-01-01", tags: "misc"));
        Assert.True(await _host.Html.GetBlobClient("gone.html").ExistsAsync());
        await _host.Source.DeleteBlobAsync("gone.md");

        var container = _host.Settings["Publishing:SourceContainer"];
        var events = $$$"""
            [{"id":"1","eventType":"Microsoft.Storage.BlobDeleted","subject":"/blobServices/default/containers/{{{container}}}/blobs/gone.md",
              "eventTime":"2025-01-02T00:00:00Z","dataVersion":"1","metadataVersion":"1","topic":"/subscriptions/x/resourceGroups/y/providers/Microsoft.Storage/storageAccounts/z",
              "data":{"api":"DeleteBlob","url":"http://127.0.0.1/devstoreaccount1/{{{container}}}/gone.md","contentType":"text/markdown","blobType":"BlockBlob"}}]
            """;
        var response = await _host.SendAsync("POST", "/api/events/blob-deleted", body: events);

        Assert.Equal(204, response.Status);
        Assert.Empty(await ListingAsync());
        Assert.Empty(await RowsAsync(ListingKeys.ForTag("misc")));
        Assert.False(await _host.Html.GetBlobClient("gone.html").ExistsAsync());
        Assert.Null(await _host.Get<IPostIndex>().GetSourceAsync("gone.md", CancellationToken.None));
        Assert.Equal(404, (await _host.GetPostAsync("gone")).Status);
    }

    [Fact]
    public async Task The_webhook_answers_event_grids_validation_handshake()
    {
        const string events = """
            [{"id":"2","eventType":"Microsoft.EventGrid.SubscriptionValidationEvent","subject":"","eventTime":"2025-01-02T00:00:00Z",
              "dataVersion":"1","metadataVersion":"1","topic":"/subscriptions/x","data":{"validationCode":"512d38b6-c7b8-40c8-89fe-f46f9e9622b6"}}]
            """;
        var response = await _host.SendAsync("POST", "/api/events/blob-deleted", body: events);

        Assert.Equal(200, response.Status);
        Assert.Equal("512d38b6-c7b8-40c8-89fe-f46f9e9622b6", response.Json.GetProperty("validationResponse").GetString());
    }

    [Fact]
    public async Task Processing_the_same_version_twice_changes_nothing()
    {
        await _host.UploadAndTriggerAsync("same.md", PostFile.Markdown("Same", "2025-01-01"));
        var before = await RowsAsync(ListingKeys.AllPosts);

        var replay = await _host.Get<ContentSync>().SyncAsync("same.md", CancellationToken.None);

        Assert.Equal(SyncOutcome.Unchanged, replay.Outcome);
        var after = await RowsAsync(ListingKeys.AllPosts);
        Assert.Equal(before.Single().ETag, after.Single().ETag);
    }

    [Fact]
    public async Task A_late_trigger_for_an_older_version_never_overwrites_the_newer_one()
    {
        await _host.UploadAsync("late.md", PostFile.Markdown("Version one", "2025-01-01", slug: "late"));
        await _host.UploadAsync("late.md", PostFile.Markdown("Version two", "2025-01-01", slug: "late"));

        // The host delivers the event for version two first, then the late one for version one.
        await _host.TriggerAsync("late.md");
        await _host.TriggerAsync("late.md");

        Assert.Equal("Version two", Assert.Single(await ListingAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Two_posts_claiming_one_slug_get_a_recorded_conflict()
    {
        await _host.UploadAndTriggerAsync("first.md", PostFile.Markdown("First", "2025-01-01", slug: "shared"));
        await _host.UploadAndTriggerAsync("second.md", PostFile.Markdown("Second", "2025-01-02", slug: "shared"));

        var item = Assert.Single(await ListingAsync());
        Assert.Equal("First", item.GetProperty("title").GetString());
        var record = await _host.Get<IPostIndex>().GetSourceAsync("second.md", CancellationToken.None);
        Assert.Equal(SourceState.Conflict, record!.State);
        Assert.Contains("'first.md'", record.Message);
    }

    [Fact]
    public async Task A_slug_freed_by_a_deleted_post_can_be_taken_over()
    {
        await _host.UploadAndTriggerAsync("old.md", PostFile.Markdown("Old", "2025-01-01", slug: "taken"));
        await _host.Source.DeleteBlobAsync("old.md"); // the delete event never arrives

        await _host.UploadAndTriggerAsync("new.md", PostFile.Markdown("New", "2025-01-02", slug: "taken"));

        Assert.Equal("New", Assert.Single(await ListingAsync()).GetProperty("title").GetString());
        Assert.Null(await _host.Get<IPostIndex>().GetSourceAsync("old.md", CancellationToken.None));
    }

    [Fact]
    public async Task Hundred_concurrent_uploads_leave_exactly_one_correct_row_each()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var posts = Enumerable.Range(0, 100).Select(i => (Name: $"bulk/post-{i:D3}.md", Date: start.AddHours(i), Title: $"Bulk {i}")).ToList();

        await Parallel.ForEachAsync(posts, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (p, _) =>
        {
            await _host.UploadAndTriggerAsync(p.Name, PostFile.Markdown(p.Title, p.Date.ToString("yyyy-MM-ddTHH:mm:ssZ"), tags: "bulk"));
            await _host.TriggerAsync(p.Name); // at-least-once delivery: a duplicate event for every post
        });

        var rows = await RowsAsync(ListingKeys.AllPosts);
        Assert.Equal(100, rows.Count);
        var expected = posts.OrderByDescending(p => p.Date).ToList();
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(ListingKeys.RowKey(expected[i].Date, $"post-{expected.Count - 1 - i:D3}"), rows[i].RowKey);
            Assert.Equal(expected[i].Title, rows[i].GetString("Title"));
        }

        Assert.Equal(100, (await RowsAsync(ListingKeys.ForTag("bulk"))).Count);
    }

    [Fact]
    public async Task Reindex_reports_what_it_did_and_is_idempotent()
    {
        await _host.UploadAndTriggerAsync("kept.md", PostFile.Markdown("Kept", "2025-01-01"));
        await _host.UploadAndTriggerAsync("removed.md", PostFile.Markdown("Removed", "2025-01-02"));
        await _host.Source.DeleteBlobAsync("removed.md");
        await _host.UploadAsync("kept.md", PostFile.Markdown("Kept, edited", "2025-01-01"));
        await _host.UploadAsync("added.md", PostFile.Markdown("Added", "2025-01-03"));
        await _host.UploadAsync("broken.md", "---\ntitle: [\n---\n");
        var reindexer = _host.Get<Reindexer>();

        var first = await reindexer.ReindexAsync(4, null, CancellationToken.None);
        var second = await reindexer.ReindexAsync(4, null, CancellationToken.None);

        Assert.Equal(1, first.Count(SyncOutcome.Added));
        Assert.Equal(1, first.Count(SyncOutcome.Failed));
        Assert.Equal(["added.md", "broken.md"], first.Results.Where(r => r.Outcome is SyncOutcome.Added or SyncOutcome.Failed).Select(r => r.BlobName).Order());
        Assert.Equal(["kept.md"], first.Results.Where(r => r.Outcome == SyncOutcome.Updated).Select(r => r.BlobName));
        Assert.Equal(["removed.md"], first.Results.Where(r => r.Outcome == SyncOutcome.Removed).Select(r => r.BlobName));
        Assert.Equal(["added", "kept"], (await ListingAsync()).Select(i => i.GetProperty("slug").GetString()));

        Assert.All(second.Results, r => Assert.Equal(SyncOutcome.Unchanged, r.Outcome));
        Assert.Equal(0, second.OrphanRowsRemoved);
    }

    [Fact]
    public async Task Reindex_removes_listing_rows_that_no_source_owns()
    {
        await _host.UploadAndTriggerAsync("real.md", PostFile.Markdown("Real", "2025-01-01"));
        var stray = new TableEntity(ListingKeys.AllPosts, ListingKeys.RowKey(new DateTimeOffset(2024, 5, 5, 0, 0, 0, TimeSpan.Zero), "stray"))
        {
            ["Slug"] = "stray",
            ["Title"] = "Stray",
            ["Expires"] = new DateTimeOffset(9999, 12, 31, 0, 0, 0, TimeSpan.Zero),
        };
        await _host.Index.AddEntityAsync(stray);
        _host.Clock.SetUtcNow(DateTimeOffset.UtcNow + Reindexer.OrphanGrace + TimeSpan.FromMinutes(1));

        var report = await _host.Get<Reindexer>().ReindexAsync(4, null, CancellationToken.None);

        Assert.Equal(1, report.OrphanRowsRemoved);
        Assert.Equal(["real"], (await RowsAsync(ListingKeys.AllPosts)).Select(r => r.GetString("Slug")));
    }

    private async Task<List<System.Text.Json.JsonElement>> ListingAsync() =>
        (await _host.GetPostsAsync("limit=50")).Json.GetProperty("items").EnumerateArray().ToList();

    private async Task<List<TableEntity>> RowsAsync(string partition)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _host.Index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            rows.Add(row);
        }

        return rows;
    }
}
