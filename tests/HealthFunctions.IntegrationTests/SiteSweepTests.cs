using System.Text.Json;
using HealthFunctions.Functions;
using HealthFunctions.Site;
using HealthFunctions.Site.Writing;

namespace HealthFunctions.IntegrationTests;

/// <summary>A site sweep whose every message is delivered twice at once still ends with every page rewritten, and its chain of batches does not multiply.</summary>
public sealed class SiteSweepTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly BlogTestHost _host = new(azurite, site: true, extraSettings: new Dictionary<string, string?> { ["Site:SweepBatchSize"] = "3" });

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
        foreach (var key in keys)
        {
            var stamp = await _host.Get<IPageStore>().GetStampAsync(PageKeys.PathsOf(key)[^1], CancellationToken.None);
            Assert.True(stamp is not null && stamp.RenderedAt > asked, $"{key} was not rewritten by the sweep");
        }
    }

    private Task Run(string text) => _host.Get<RenderSitePage>().RunAsync(text, CancellationToken.None);

    private static string Serialize(PageMessage message) => JsonSerializer.Serialize(message, PageWork.Json);
}
