using Azure.Storage.Blobs;
using HealthFunctions.Publishing.Sync;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary>
/// Publishes a post when it is uploaded, delivered by an Event Grid subscription on the storage
/// account (Azure Flex Consumption, which does not poll containers).
/// </summary>
public sealed class PublishOnBlobEvent
{
    private readonly ContentSync _sync;

    public PublishOnBlobEvent(ContentSync sync)
    {
        _sync = sync;
    }

    [Function(nameof(PublishOnBlobEvent))]
    public async Task RunAsync(
        [BlobTrigger("%Publishing:SourceContainer%/{name}", Source = BlobTriggerSource.EventGrid, Connection = "PostsStorage")] BlobClient blob,
        CancellationToken cancellationToken) =>
        await _sync.SyncAsync(blob.Name, cancellationToken);
}
