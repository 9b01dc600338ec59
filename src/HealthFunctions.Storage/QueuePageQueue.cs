using System.Diagnostics;
using System.Text.Json;
using Azure.Storage.Queues;
using HealthFunctions.Site;
using HealthFunctions.Site.Writing;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>The page queue as an Azure Storage queue; messages are JSON (Base64 on the wire, as the Functions queue trigger expects).</summary>
public sealed class QueuePageQueue : IPageQueue
{
    private const int ParallelSends = 16;

    private readonly QueueClient _queue;
    private readonly CreatedOnce _created;
    private readonly TimeProvider _time;

    public QueuePageQueue(QueueServiceClient service, IOptions<SiteOptions> options, TimeProvider time)
    {
        _time = time;
        _queue = service.GetQueueClient(options.Value.PageQueue);
        _created = new CreatedOnce(() => _queue.CreateIfNotExistsAsync());
    }

    public async Task SendAsync(IEnumerable<PageMessage> messages, TimeSpan delay, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var visibility = delay > PageQueueing.MaxQueueDelay ? PageQueueing.MaxQueueDelay : delay;
        var due = _time.GetUtcNow() + visibility;
        var trace = Activity.Current?.Id;
        await Parallel.ForEachAsync(
            messages.Select(message => message with { Due = due, TraceParent = message.TraceParent ?? trace }),
            new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken },
            async (message, ct) => await _queue.SendMessageAsync(JsonSerializer.Serialize(message, PageWork.Json), visibility, TimeSpan.FromSeconds(-1), ct));
    }
}
