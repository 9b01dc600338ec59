using Azure.Storage.Blobs;
using HealthFunctions.Publishing.Sync;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary>
/// Publishes a post when it is uploaded, found by the host's polling of the source container
/// (local development against Azurite). Disabled in Azure, where <see cref="PublishOnBlobEvent"/> runs.
/// </summary>
public sealed class PublishOnUpload
{
    private readonly ContentSync _sync;

    public PublishOnUpload(ContentSync sync)
    {
        _sync = sync;
    }

    [Function(nameof(PublishOnUpload))]
    public async Task RunAsync(
        [BlobTrigger("%Publishing:SourceContainer%/{name}", Connection = "PostsStorage")] BlobClient blob,
        CancellationToken cancellationToken) =>
        await _sync.SyncAsync(blob.Name, cancellationToken);
}
