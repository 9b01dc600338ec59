using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthFunctions.Site;
using HealthFunctions.Site.Writing;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>
/// Pages as blobs in the site container (<c>$web</c>): <c>/a/</c> is <c>a/index.html</c>. A page's
/// stamp (when its render began, which pages link to it) is kept in the blob's metadata, and writes
/// are conditional on the blob's ETag.
/// </summary>
public sealed class BlobPageStore : IPageStore
{
    private const string RenderedAtKey = "renderedat";
    private const string LinkedFromKey = "linkedfrom";

    private readonly ContainerOnce _container;

    public BlobPageStore(BlobServiceClient service, IOptions<SiteOptions> options)
    {
        _container = new ContainerOnce(service, options.Value.WebContainer);
    }

    public async Task<PageStamp?> GetStampAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await (await _container.GetAsync()).GetBlobClient(PagePaths.BlobName(path)).GetPropertiesAsync(cancellationToken: cancellationToken);
            return Stamp(properties.Value.ETag.ToString(), properties.Value.Metadata);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task WriteAsync(PageWrite write, CancellationToken cancellationToken) =>
        await UploadAsync(write, null, cancellationToken);

    public async Task<bool> TryWriteAsync(PageWrite write, PageStamp? expected, CancellationToken cancellationToken)
    {
        try
        {
            await UploadAsync(write, expected is null ? new BlobRequestConditions { IfNoneMatch = ETag.All } : new BlobRequestConditions { IfMatch = new ETag(expected.ETag) }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<bool> TryDeleteAsync(string path, PageStamp expected, CancellationToken cancellationToken)
    {
        try
        {
            await (await _container.GetAsync()).GetBlobClient(PagePaths.BlobName(path))
                .DeleteAsync(conditions: new BlobRequestConditions { IfMatch = new ETag(expected.ETag) }, cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    public async Task WriteAssetAsync(string blobName, byte[] content, string contentType, string cacheControl, CancellationToken cancellationToken) =>
        await (await _container.GetAsync()).GetBlobClient(blobName).UploadAsync(
            BinaryData.FromBytes(content),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType, CacheControl = cacheControl } },
            cancellationToken);

    public async Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        await (await _container.GetAsync()).DeleteBlobIfExistsAsync(PagePaths.BlobName(path), cancellationToken: cancellationToken);

    public async IAsyncEnumerable<(string Path, DateTimeOffset? RenderedAt)> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = await _container.GetAsync();
        await foreach (var blob in container.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken))
        {
            yield return (blob.Name, Stamp(string.Empty, blob.Metadata)?.RenderedAt);
        }
    }

    private async Task UploadAsync(PageWrite write, BlobRequestConditions? conditions, CancellationToken cancellationToken)
    {
        var blob = (await _container.GetAsync()).GetBlobClient(PagePaths.BlobName(write.File.Path));
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        if (write.RenderedAt is { } renderedAt)
        {
            metadata[RenderedAtKey] = renderedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
            metadata[LinkedFromKey] = string.Join(' ', write.LinkedFrom ?? []);
        }

        await blob.UploadAsync(
            BinaryData.FromBytes(Encoding.UTF8.GetBytes(write.File.Content)),
            new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = write.File.ContentType, CacheControl = write.CacheControl },
                Metadata = metadata,
                Conditions = conditions,
            },
            cancellationToken);
    }

    private static PageStamp? Stamp(string etag, IDictionary<string, string>? metadata) =>
        metadata is not null && metadata.TryGetValue(RenderedAtKey, out var text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var renderedAt)
            ? new PageStamp(etag, renderedAt, metadata.TryGetValue(LinkedFromKey, out var linked) ? linked.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [])
            : metadata is not null ? new PageStamp(etag, DateTimeOffset.MinValue, []) : null;
}
