using Azure.Data.Tables;
using Azure.Storage.Blobs;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Related;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthFunctions.IntegrationTests;

/// <summary>A publish completes or leaves nothing public; one bad file never stops a reindex; redirects never chain.</summary>
public sealed class PublishSafetyTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task An_unexpected_failure_after_the_first_write_takes_the_post_down_and_is_not_retried()
    {
        await using var host = new BlogTestHost(azurite, configure: services => services.AddSingleton<IHtmlStore>(sp =>
            new FailingHtmlStore(new BlobHtmlStore(sp.GetRequiredService<BlobServiceClient>(), sp.GetRequiredService<IOptions<PublishingOptions>>()), "cursed")));

        await host.UploadAndTriggerAsync("2025-04-01-cursed.md", PostFile.Markdown("Cursed", "2025-04-01", tags: "sleep"));
        var again = await host.Get<ContentSync>().SyncAsync("2025-04-01-cursed.md", CancellationToken.None);

        var record = await host.Get<IPostIndex>().GetSourceAsync("2025-04-01-cursed.md", CancellationToken.None);
        Assert.Equal(SourceState.Failed, record!.State);
        Assert.Contains(HostileUploads.Unexpected, record.Message);
        Assert.Contains("taken down", record.Message);
        Assert.DoesNotContain("FailingHtmlStore", record.Message);
        Assert.Null(record.Slug);
        Assert.Equal(SyncOutcome.Unchanged, again.Outcome);
        Assert.Null(await host.Get<IPostIndex>().GetPostAsync("cursed", CancellationToken.None));
        Assert.Empty(await RowsAsync(host, p => p is not "source"));
    }

    [Fact]
    public async Task Reindex_carries_on_past_bad_files_and_records_them()
    {
        await _host.UploadAsync("2025-05-01-first.md", PostFile.Markdown("First", "2025-05-01"));
        await _host.UploadAsync("2025-05-02-bad-yaml.md", "---\ntitle: [unclosed\n---\nBody.\n");
        await _host.UploadAsync("2025-05-03-deep.md", PostFile.Markdown("Deep", "2025-05-03", new string('>', 10_000)));
        await _host.UploadAsync("2025-05-04-tags.md", PostFile.Markdown("Tags", "2025-05-04", tags: string.Join(",", Enumerable.Range(0, 1_000))));
        await _host.UploadAsync("2025-05-05-last.md", PostFile.Markdown("Last", "2025-05-05"));

        var report = await _host.Get<Reindexer>().ReindexAsync(2, null, CancellationToken.None);

        Assert.Equal(2, report.Count(SyncOutcome.Added));
        Assert.Equal(3, report.Count(SyncOutcome.Failed));
        var slugs = (await _host.GetPostsAsync()).Json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("slug").GetString());
        Assert.Equal(["last", "first"], slugs);
    }

    [Fact]
    public async Task After_two_renames_the_first_slug_points_straight_at_the_third()
    {
        await _host.UploadAndTriggerAsync("iron.md", PostFile.Markdown("Iron", "2025-02-01", slug: "iron"));
        await _host.UploadAndTriggerAsync("iron.md", PostFile.Markdown("Iron", "2025-02-01", slug: "iron-levels"));
        await _host.UploadAndTriggerAsync("iron.md", PostFile.Markdown("Iron", "2025-02-01", slug: "iron-deficiency"));

        var first = await _host.GetPostAsync("iron");
        var second = await _host.GetPostAsync("iron-levels");

        Assert.Equal(301, first.Status);
        Assert.Equal("/api/posts/iron-deficiency", first.Headers.Location.ToString());
        Assert.Equal(301, second.Status);
        Assert.Equal("/api/posts/iron-deficiency", second.Headers.Location.ToString());
    }

    [Fact]
    public async Task Renaming_back_to_an_old_slug_drops_its_alias()
    {
        await _host.UploadAndTriggerAsync("zinc.md", PostFile.Markdown("Zinc", "2025-02-01", slug: "zinc"));
        await _host.UploadAndTriggerAsync("zinc.md", PostFile.Markdown("Zinc", "2025-02-01", slug: "zinc-intake"));
        await _host.UploadAndTriggerAsync("zinc.md", PostFile.Markdown("Zinc", "2025-02-01", slug: "zinc"));

        Assert.Equal(200, (await _host.GetPostAsync("zinc")).Status);
        Assert.Equal("/api/posts/zinc", (await _host.GetPostAsync("zinc-intake")).Headers.Location.ToString());
        Assert.Null(await _host.Get<IPostIndex>().GetAliasAsync("zinc", CancellationToken.None));
    }

    [Fact]
    public async Task Deleting_a_post_removes_its_aliases()
    {
        await _host.UploadAndTriggerAsync("folate.md", PostFile.Markdown("Folate", "2025-02-01", slug: "folate", extra: "aliases: [folic-acid]"));
        await _host.UploadAndTriggerAsync("folate.md", PostFile.Markdown("Folate", "2025-02-01", slug: "folate-in-pregnancy", extra: "aliases: [folic-acid]"));
        await _host.Source.DeleteBlobAsync("folate.md");
        await _host.TriggerAsync("folate.md");

        Assert.Equal(404, (await _host.GetPostAsync("folate")).Status);
        Assert.Equal(404, (await _host.GetPostAsync("folic-acid")).Status);
        Assert.Empty(await RowsAsync(_host, p => p is "alias"));
    }

    [Fact]
    public async Task Reindex_removes_aliases_without_a_target_and_post_rows_no_status_row_owns()
    {
        await _host.UploadAndTriggerAsync("kept.md", PostFile.Markdown("Kept", "2025-02-01", slug: "kept"));
        var index = _host.Get<IPostIndex>();
        await index.SetAliasAsync("old-kept", "kept", CancellationToken.None);
        await index.SetAliasAsync("ghost", "nowhere", CancellationToken.None);
        var stray = (await index.GetPostAsync("kept", CancellationToken.None))! with { SourceBlob = "never-finished.md", ETag = null };
        await index.ClaimSlugAsync(stray with { Post = stray.Post with { Slug = "stray" } }, expectNew: true, CancellationToken.None);
        _host.Clock.SetUtcNow(DateTimeOffset.UtcNow + Reindexer.OrphanGrace + TimeSpan.FromMinutes(1));

        var report = await _host.Get<Reindexer>().ReindexAsync(2, null, CancellationToken.None);

        Assert.Equal(2, report.OrphanRowsRemoved);
        Assert.Null(await index.GetAliasAsync("ghost", CancellationToken.None));
        Assert.Equal("kept", await index.GetAliasAsync("old-kept", CancellationToken.None));
        Assert.Null(await index.GetPostAsync("stray", CancellationToken.None));
        Assert.NotNull(await index.GetPostAsync("kept", CancellationToken.None));
    }

    [Fact]
    public async Task Reindex_takes_an_orphan_post_row_out_of_search_and_related_lists()
    {
        await _host.UploadAndTriggerAsync("heron.md", PostFile.Markdown("Herons and sleep", "2025-02-01", "Herons sleep standing on one leg.", tags: "sleep"));
        await _host.UploadAndTriggerAsync("owl.md", PostFile.Markdown("Owls and sleep", "2025-03-01", "Owls sleep by day and hunt by night.", tags: "sleep"));
        Assert.Single((await _host.SearchAsync("q=herons")).Json.GetProperty("items").EnumerateArray());
        var index = _host.Get<IPostIndex>();
        // As if the attempt that wrote heron's post row had died before its status row: nothing owns the row.
        await index.TryDeleteSourceAsync((await index.GetSourceAsync("heron.md", CancellationToken.None))!, CancellationToken.None);
        await _host.Source.DeleteBlobAsync("heron.md");
        _host.Clock.SetUtcNow(DateTimeOffset.UtcNow + Reindexer.OrphanGrace + TimeSpan.FromMinutes(1));

        await _host.Get<Reindexer>().ReindexAsync(2, null, CancellationToken.None);

        Assert.Null(await index.GetPostAsync("heron", CancellationToken.None));
        Assert.Empty((await _host.SearchAsync("q=herons")).Json.GetProperty("items").EnumerateArray());
        var stored = await _host.Get<IRelatedPostStore>().GetAsync("owl", CancellationToken.None);
        Assert.DoesNotContain(stored, r => r.Slug == "heron");
    }

    [Fact]
    public async Task A_status_row_holds_at_most_twenty_warnings()
    {
        var images = string.Join("\n\n", Enumerable.Range(0, 500).Select(i => $"![](missing-{i}.png)"));
        await _host.UploadAndTriggerAsync("2025-06-01-images.md", PostFile.Markdown("Images", "2025-06-01", images));

        var record = await _host.Get<IPostIndex>().GetSourceAsync("2025-06-01-images.md", CancellationToken.None);
        Assert.Equal(SourceState.Published, record!.State);
        Assert.Equal(21, record.Warnings.Count);
        Assert.Contains("more warnings", record.Warnings[^1]);
    }

    private static async Task<List<string>> RowsAsync(BlogTestHost host, Func<string, bool> partition)
    {
        var rows = new List<string>();
        await foreach (var entity in host.Index.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            if (partition(entity.PartitionKey))
            {
                rows.Add(entity.PartitionKey + "|" + entity.RowKey);
            }
        }

        await foreach (var blob in host.Html.GetBlobsAsync())
        {
            rows.Add("html|" + blob.Name);
        }

        return rows;
    }

    /// <summary>Our own HTML store, failing for one slug the way a bug would: after the slug was claimed.</summary>
    private sealed class FailingHtmlStore(IHtmlStore inner, string slug) : IHtmlStore
    {
        public string LocationOf(string s) => inner.LocationOf(s);

        public Task WriteAsync(string s, string html, CancellationToken cancellationToken) =>
            s == slug ? throw new InvalidOperationException("simulated bug") : inner.WriteAsync(s, html, cancellationToken);

        public Task<string?> ReadAsync(string s, CancellationToken cancellationToken) => inner.ReadAsync(s, cancellationToken);

        public Task DeleteAsync(string s, CancellationToken cancellationToken) => inner.DeleteAsync(s, cancellationToken);
    }
}
