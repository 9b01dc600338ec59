using System.Runtime.CompilerServices;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Sources;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>The source container in Blob Storage.</summary>
public sealed class BlobSourceStore : ISourceStore
{
    private readonly ContainerOnce _container;

    public BlobSourceStore(BlobServiceClient service, IOptions<PublishingOptions> options)
    {
        _container = new ContainerOnce(service, options.Value.SourceContainer);
    }

    public async Task<SourceBlob?> ReadAsync(string name, int maxBytes, CancellationToken cancellationToken)
    {
        var blob = (await _container.GetAsync()).GetBlobClient(name);
        try
        {
            var download = await blob.DownloadStreamingAsync(cancellationToken: cancellationToken);
            using var content = download.Value;
            var details = content.Details;
            if (details.ContentLength > maxBytes)
            {
                return new SourceBlob(name, details.ETag.ToString(), details.LastModified, details.ContentLength, null);
            }

            using var buffer = new MemoryStream((int)details.ContentLength);
            await content.Content.CopyToAsync(buffer, cancellationToken);
            return new SourceBlob(name, details.ETag.ToString(), details.LastModified, details.ContentLength, buffer.ToArray());
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task<string?> GetETagAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var properties = await (await _container.GetAsync()).GetBlobClient(name).GetPropertiesAsync(cancellationToken: cancellationToken);
            return properties.Value.ETag.ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async IAsyncEnumerable<string> ListNamesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in ListAsync(string.Empty, cancellationToken))
        {
            yield return item.Name;
        }
    }

    public async IAsyncEnumerable<SourceListing> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var container = await _container.GetAsync();
        await foreach (var item in container.GetBlobsAsync(new GetBlobsOptions { Prefix = prefix }, cancellationToken))
        {
            yield return new SourceListing(item.Name, item.Properties.ETag?.ToString() ?? string.Empty);
        }
    }

    public async Task UploadAsync(string name, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var blob = (await _container.GetAsync()).GetBlobClient(name);
        await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = contentType } }, cancellationToken);
    }
}
