using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using HealthFunctions.Site.Writing;
using HealthFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.IntegrationTests;

/// <summary>A burst of uploads regenerates each shared page a handful of times, not once per upload.</summary>
public sealed class SiteCoalescingTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, int> _writes = new(StringComparer.Ordinal);
    private readonly BlogTestHost _host;

    public SiteCoalescingTests(AzuriteFixture azurite)
    {
        _host = new BlogTestHost(azurite, site: true, configure: services => services.AddSingleton<IPageStore>(sp =>
            new CountingPageStore(ActivatorUtilities.CreateInstance<BlobPageStore>(sp, sp.GetRequiredService<BlobServiceClient>()), _writes)));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Thirty_uploads_write_the_home_page_and_their_tag_page_only_a_few_times()
    {
        for (var i = 1; i <= 30; i++)
        {
            await _host.UploadAndTriggerAsync($"post-{i}.md", PostFile.Markdown($"Post {i}", $"2025-01-{i:D2}", tags: "burst"));
        }

        var messages = await _host.DrainAsync(workers: 2);

        Assert.True(messages >= 30, $"only {messages} messages ran");
        Assert.InRange(_writes.GetValueOrDefault("/"), 1, 4); // with its first version, written by the first upload's own run
        Assert.InRange(_writes.GetValueOrDefault("/feed.xml"), 1, 3);
        Assert.InRange(_writes.GetValueOrDefault("/sitemap.xml"), 1, 3);
        Assert.InRange(_writes.GetValueOrDefault("/tags/burst/"), 1, 4); // its first version is written by the first upload's own run
        var home = (await _host.PageAsync("/"))!;
        Assert.Equal(10, home.Split("<li class=\"card\">").Length - 1);
        Assert.Contains("href=\"/post-30/\"", home);
        Assert.Contains("Older posts", home);
    }

    /// <summary>Counts the writes of each page's stamped file; stores through the real adapter.</summary>
    private sealed class CountingPageStore(IPageStore inner, ConcurrentDictionary<string, int> writes) : IPageStore
    {
        public Task<PageStamp?> GetStampAsync(string path, CancellationToken cancellationToken) => inner.GetStampAsync(path, cancellationToken);

        public Task WriteAsync(PageWrite write, CancellationToken cancellationToken) => inner.WriteAsync(write, cancellationToken);

        public Task WriteAssetAsync(string blobName, byte[] content, string contentType, string cacheControl, CancellationToken cancellationToken) =>
            inner.WriteAssetAsync(blobName, content, contentType, cacheControl, cancellationToken);

        public async Task<bool> TryWriteAsync(PageWrite write, PageStamp? expected, CancellationToken cancellationToken)
        {
            var written = await inner.TryWriteAsync(write, expected, cancellationToken);
            if (written)
            {
                writes.AddOrUpdate(write.File.Path, 1, (_, n) => n + 1);
            }

            return written;
        }

        public Task<bool> TryDeleteAsync(string path, PageStamp expected, CancellationToken cancellationToken) => inner.TryDeleteAsync(path, expected, cancellationToken);

        public Task DeleteAsync(string path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);

        public IAsyncEnumerable<(string Path, DateTimeOffset? RenderedAt)> ListAsync(CancellationToken cancellationToken) => inner.ListAsync(cancellationToken);
    }
}
