using System.Text.Json;
using Azure.Data.Tables;
using HealthFunctions.Functions;
using HealthFunctions.Site;
using HealthFunctions.Site.Writing;
using HealthFunctions.Storage;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// A site sweep whose every message is delivered twice at once still ends with every page rewritten,
/// and its chain of batches does not multiply; it reads the site's page keys once, not once per
/// batch, and leaves no list of keys behind, nor does a sweep it supersedes.
/// </summary>
public sealed class SiteSweepTests : IAsyncLifetime
{
    private readonly BlogTestHost _host;
    private CountingSourceIndex? _index;
    private InterferingSweepStore? _sweeps;

    public SiteSweepTests(AzuriteFixture azurite)
    {
        _host = new BlogTestHost(azurite, site: true, extraSettings: new Dictionary<string, string?> { ["Site:SweepBatchSize"] = "3" }, configure: services =>
        {
            CountingSourceIndex.Install(index => _index = index)(services);
            InterferingSweepStore.Install(store => _sweeps = store)(services);
        });
    }

    public async ValueTask InitializeAsync()
    {
        await _host.UploadAndTriggerAsync("a.md", PostFile.Markdown("Alpha", "2025-01-01", tags: "x"));
        await _host.UploadAndTriggerAsync("b.md", PostFile.Markdown("Beta", "2025-02-02", tags: "y"));
        await _host.UploadAndTriggerAsync("c.md", PostFile.Markdown("Gamma", "2025-03-03", tags: "z"));
        await _host.SettleAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_rebuild_delivered_twice_at_once_rewrites_every_page_with_one_chain_of_batches()
    {
        var keys = await _host.Get<SiteRebuilder>().AllKeysAsync(CancellationToken.None);
        var asked = _host.Clock.GetUtcNow();
        var batches = 0;

        await _host.Get<PageWork>().HandleAsync(Serialize(new PageMessage { Rebuild = true, Requested = asked }), CancellationToken.None);
        await _host.PageQueue.CreateIfNotExistsAsync();
        while ((await _host.PageQueue.ReceiveMessagesAsync(1, TimeSpan.FromMinutes(1))).Value is [var message])
        {
            var text = message.Body.ToString();
            batches += JsonSerializer.Deserialize<PageMessage>(text, PageWork.Json)!.Sweep is null ? 0 : 1;
            await Task.WhenAll(Run(text), Run(text));
            await _host.PageQueue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        var expected = (keys.Count - 1) / 3; // the first batch is sent by the request itself
        Assert.InRange(batches, expected, expected + 2);
        await AssertAllRewrittenSinceAsync(keys, asked);
        Assert.Empty(await KeyListRowsAsync());
    }

    [Fact]
    public async Task A_sweep_reads_the_page_keys_once_not_once_per_batch()
    {
        var keys = await _host.Get<SiteRebuilder>().AllKeysAsync(CancellationToken.None);
        Assert.True(keys.Count > 3 * 3, "the sweep must take several batches");
        var asked = _host.Clock.GetUtcNow();
        var before = _index!.Scans;

        await _host.Get<PageWork>().HandleAsync(Serialize(new PageMessage { Rebuild = true, Requested = asked }), CancellationToken.None);
        await _host.DrainAsync();

        Assert.Equal(1, _index.Scans - before);
        await AssertAllRewrittenSinceAsync(keys, asked);
        Assert.Empty(await KeyListRowsAsync());
    }

    [Fact]
    public async Task A_superseded_sweep_leaves_no_list_of_keys_and_its_next_batch_stops()
    {
        var keys = await _host.Get<SiteRebuilder>().AllKeysAsync(CancellationToken.None);
        var first = _host.Clock.GetUtcNow();
        await _host.Get<PageWork>().HandleAsync(Serialize(new PageMessage { Rebuild = true, Requested = first }), CancellationToken.None);
        var older = (await KeyListRowsAsync()).Select(row => row.PartitionKey).Distinct().ToList();
        Assert.Single(older);

        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = _host.Clock.GetUtcNow();
        await _host.Get<PageWork>().HandleAsync(Serialize(new PageMessage { Rebuild = true, Requested = second }), CancellationToken.None);
        var lists = (await KeyListRowsAsync()).Select(row => row.PartitionKey).Distinct().ToList();
        Assert.DoesNotContain(older[0], lists);
        Assert.Single(lists);

        await _host.DrainAsync();
        var state = await _host.Get<ISweepStore>().GetAsync(CancellationToken.None);
        Assert.True(state is not null && state.Started > first && state.Next == state.Chunks, "the newer sweep ran to its end");
        await AssertAllRewrittenSinceAsync(keys, second);
        Assert.Empty(await KeyListRowsAsync());
    }

    [Fact]
    public async Task A_sweep_asked_for_while_a_batch_moves_the_cursor_of_the_one_in_progress_still_starts()
    {
        var keys = await _host.Get<SiteRebuilder>().AllKeysAsync(CancellationToken.None);
        await _host.Get<PageWork>().HandleAsync(Serialize(new PageMessage { Rebuild = true, Requested = _host.Clock.GetUtcNow() }), CancellationToken.None);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var asked = _host.Clock.GetUtcNow();

        _sweeps!.RewriteOnNextSave = true;
        await _host.Get<PageWork>().HandleAsync(Serialize(new PageMessage { Rebuild = true, Requested = asked }), CancellationToken.None);

        Assert.False(_sweeps.RewriteOnNextSave);
        var state = await _host.Get<ISweepStore>().GetAsync(CancellationToken.None);
        Assert.True(state is not null && state.Started > asked, "the rebuild asked for was dropped");
        await _host.DrainAsync();
        await AssertAllRewrittenSinceAsync(keys, asked);
        Assert.Empty(await KeyListRowsAsync());
    }

    [Fact]
    public async Task A_list_of_long_keys_is_cut_into_chunks_that_fit_a_table_string_property()
    {
        var store = _host.Get<ISweepStore>();
        var keys = Enumerable.Range(0, 1000).Select(i => PageKeys.Author(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + new string('a', 76))).ToList();

        var saved = await store.SaveKeysAsync(_host.Clock.GetUtcNow(), keys, 1000, CancellationToken.None);

        var read = new List<string>();
        for (var chunk = 0; chunk < saved.Chunks; chunk++)
        {
            var part = (await store.GetChunkAsync(saved.Name, chunk, CancellationToken.None))!;
            Assert.True(string.Join('\n', part).Length <= TableSweepStore.MaxChunkChars, $"chunk {chunk} is too long");
            read.AddRange(part);
        }

        Assert.True(saved.Chunks > 1, "87,000 characters of keys do not fit one string property");
        Assert.Equal(keys, read);
        await store.DeleteKeysAsync(saved.Name, CancellationToken.None);
        Assert.Null(await store.GetChunkAsync(saved.Name, 0, CancellationToken.None));
    }

    private async Task AssertAllRewrittenSinceAsync(IEnumerable<string> keys, DateTimeOffset asked)
    {
        foreach (var key in keys)
        {
            var stamp = await _host.Get<IPageStore>().GetStampAsync(PageKeys.PathsOf(key)[^1], CancellationToken.None);
            Assert.True(stamp is not null && stamp.RenderedAt > asked, $"{key} was not rewritten by the sweep");
        }
    }

    /// <summary>The rows of every sweep's saved list of page keys in the index table.</summary>
    private async Task<List<TableEntity>> KeyListRowsAsync()
    {
        var rows = new List<TableEntity>();
        await foreach (var row in _host.Index.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {"sweepkeys:"} and PartitionKey lt {"sweepkeys;"}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    private Task Run(string text) => _host.Get<RenderSitePage>().RunAsync(text, CancellationToken.None);

    private static string Serialize(PageMessage message) => JsonSerializer.Serialize(message, PageWork.Json);
}
