using System.Text.Json;
using Azure.Storage.Queues;
using HealthFunctions.Search.Related;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>The related-posts queue as an Azure Storage queue; messages are JSON (Base64 on the wire, as the queue trigger expects).</summary>
public sealed class QueueRelatedQueue : IRelatedQueue
{
    private readonly Lazy<Task<QueueClient>> _queue;

    public QueueRelatedQueue(QueueServiceClient service, IOptions<RelatedOptions> options)
    {
        var client = service.GetQueueClient(options.Value.Queue);
        _queue = new Lazy<Task<QueueClient>>(async () =>
        {
            await client.CreateIfNotExistsAsync();
            return client;
        });
    }

    public async Task SendAsync(IEnumerable<RelatedMessage> messages, CancellationToken cancellationToken)
    {
        var queue = await _queue.Value;
        foreach (var message in messages)
        {
            await queue.SendMessageAsync(JsonSerializer.Serialize(message, RelatedWork.Json), cancellationToken);
        }
    }
}
