using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using HealthFunctions.Site;
using HealthFunctions.Site.Writing;
using HealthFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// The real blob page store with a watcher on every write and delete: a page written with a link to
/// a page that is not there yet, or a page deleted while another page still links to it, is recorded
/// as a broken link at that moment. Pages are addresses ending in <c>/</c>; a page written naming a
/// theme asset (<c>/assets/…</c>) that is not in the container yet is recorded too. Feeds are not
/// checked here.
/// </summary>
public sealed partial class LinkWatchingPageStore : IPageStore
{
    private readonly IPageStore _inner;
    private readonly BlobContainerClient _web;
    private readonly ConcurrentDictionary<string, bool> _assetsSeen = new(StringComparer.Ordinal);

    public LinkWatchingPageStore(IPageStore inner, BlobContainerClient web)
    {
        _inner = inner;
        _web = web;
    }

    /// <summary>Each broken link seen, as "page → link" with what was happening.</summary>
    public ConcurrentQueue<string> Broken { get; } = new();

    /// <summary>How many times each page's stamped file was written.</summary>
    public ConcurrentDictionary<string, int> Writes { get; } = new(StringComparer.Ordinal);

    /// <summary>The order pages were first created in.</summary>
    public ConcurrentQueue<string> Created { get; } = new();

    /// <summary>Registers the watcher as the app's page store; <paramref name="watcher"/> receives it once built.</summary>
    public static Action<IServiceCollection> Install(Action<LinkWatchingPageStore> watcher) => services => services.AddSingleton<IPageStore>(sp =>
    {
        var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SiteOptions>>().Value;
        var blobs = sp.GetRequiredService<BlobServiceClient>();
        var store = new LinkWatchingPageStore(ActivatorUtilities.CreateInstance<BlobPageStore>(sp, blobs), blobs.GetBlobContainerClient(options.WebContainer));
        watcher(store);
        return store;
    });

    public Task<PageStamp?> GetStampAsync(string path, CancellationToken cancellationToken) => _inner.GetStampAsync(path, cancellationToken);

    public Task WriteAssetAsync(string blobName, byte[] content, string contentType, string cacheControl, CancellationToken cancellationToken) =>
        _inner.WriteAssetAsync(blobName, content, contentType, cacheControl, cancellationToken);

    public async Task WriteAsync(PageWrite write, CancellationToken cancellationToken)
    {
        await CheckLinksAsync(write, cancellationToken);
        await _inner.WriteAsync(write, cancellationToken);
    }

    public async Task<bool> TryWriteAsync(PageWrite write, PageStamp? expected, CancellationToken cancellationToken)
    {
        await CheckLinksAsync(write, cancellationToken);
        var written = await _inner.TryWriteAsync(write, expected, cancellationToken);
        if (written)
        {
            Writes.AddOrUpdate(write.File.Path, 1, (_, n) => n + 1);
        }

        if (written && expected is null)
        {
            Created.Enqueue(write.File.Path);
        }

        return written;
    }

    public async Task<bool> TryDeleteAsync(string path, PageStamp expected, CancellationToken cancellationToken)
    {
        await CheckUnlinkedAsync(path, cancellationToken);
        return await _inner.TryDeleteAsync(path, expected, cancellationToken);
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        await CheckUnlinkedAsync(path, cancellationToken);
        await _inner.DeleteAsync(path, cancellationToken);
    }

    public IAsyncEnumerable<(string Path, DateTimeOffset? RenderedAt)> ListAsync(CancellationToken cancellationToken) => _inner.ListAsync(cancellationToken);

    /// <summary>The page addresses an HTML file links to (<c>href="/…/"</c>).</summary>
    public static IEnumerable<string> PageLinks(string html) =>
        PageLink().Matches(html).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal);

    private async Task CheckLinksAsync(PageWrite write, CancellationToken ct)
    {
        if (write.File.ContentType != SiteFiles.Html)
        {
            return;
        }

        foreach (var link in PageLinks(write.File.Content).Where(link => link != write.File.Path))
        {
            if (await _inner.GetStampAsync(link, ct) is null)
            {
                Broken.Enqueue($"{write.File.Path} → {link} (written before its target)");
            }
        }

        foreach (var asset in AssetLinks(write.File.Content))
        {
            // Asset versions are never deleted, so one that existed once is there for good.
            if (!_assetsSeen.ContainsKey(asset))
            {
                if (await _web.GetBlobClient(asset.TrimStart('/')).ExistsAsync(ct))
                {
                    _assetsSeen[asset] = true;
                }
                else
                {
                    Broken.Enqueue($"{write.File.Path} → {asset} (written before the asset)");
                }
            }
        }
    }

    /// <summary>The theme asset addresses an HTML file names (<c>href</c> or <c>src</c> under <c>/assets/</c>).</summary>
    public static IEnumerable<string> AssetLinks(string html) =>
        AssetLink().Matches(html).Select(m => m.Groups["path"].Value).Distinct(StringComparer.Ordinal);

    private async Task CheckUnlinkedAsync(string path, CancellationToken ct)
    {
        if (!path.EndsWith('/'))
        {
            return;
        }

        var blobName = PagePaths.BlobName(path);
        await foreach (var blob in _web.GetBlobsAsync(cancellationToken: ct))
        {
            if (blob.Name == blobName || !blob.Name.EndsWith(".html", StringComparison.Ordinal))
            {
                continue;
            }

            var html = (await _web.GetBlobClient(blob.Name).DownloadContentAsync(ct)).Value.Content.ToString();
            if (PageLinks(html).Contains(path))
            {
                Broken.Enqueue($"{blob.Name} → {path} (target deleted while linked)");
            }
        }
    }

    [GeneratedRegex("href=\"(?<path>/(?:[a-z0-9-]+/)*)\"")]
    private static partial Regex PageLink();

    [GeneratedRegex("(?:href|src)=\"(?<path>/assets/[^\"]+)\"")]
    private static partial Regex AssetLink();
}
