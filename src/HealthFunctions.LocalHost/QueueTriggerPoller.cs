using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using HealthFunctions.Functions;
using HealthFunctions.Site;
using Microsoft.Extensions.Options;

namespace HealthFunctions.LocalHost;

/// <summary>
/// Stands in for the Functions host's queue trigger on the site's page queue: receives visible
/// messages every fraction of a second, runs <see cref="RenderSitePage"/> for each (a few at once,
/// as the host's batch size does) and deletes it when the function returns. A message whose
/// function throws becomes visible again after the visibility timeout; after
/// <see cref="MaxDequeueCount"/> tries it moves to the poison queue, as host.json's <c>maxDequeueCount</c>.
/// </summary>
public sealed partial class QueueTriggerPoller : BackgroundService
{
    public const int MaxDequeueCount = 5;

    private const int BatchSize = 8;

    private readonly IServiceProvider _services;
    private readonly QueueServiceClient _queues;
    private readonly SiteOptions _site;
    private readonly LocalHostOptions _options;
    private readonly ILogger<QueueTriggerPoller> _logger;

    public QueueTriggerPoller(IServiceProvider services, QueueServiceClient queues, IOptions<SiteOptions> site, IOptions<LocalHostOptions> options, ILogger<QueueTriggerPoller> logger)
    {
        _services = services;
        _queues = queues;
        _site = site.Value;
        _options = options.Value;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = _queues.GetQueueClient(_site.PageQueue);
        var poison = _queues.GetQueueClient(_site.PageQueue + "-poison");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.QueuePollSeconds));
        LogWatching(_site.PageQueue, _options.QueuePollSeconds);
        var ready = false;
        do
        {
            try
            {
                if (!ready)
                {
                    await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                    ready = true;
                }

                // Drain what is visible now, then wait for the next tick.
                QueueMessage[] batch;
                do
                {
                    batch = (await queue.ReceiveMessagesAsync(BatchSize, TimeSpan.FromSeconds(60), stoppingToken)).Value;
                    await Parallel.ForEachAsync(batch, stoppingToken, async (message, ct) => await RunAsync(queue, poison, message, ct));
                }
                while (batch.Length > 0);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(ex, _site.PageQueue);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken ct)
    {
        try
        {
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RenderSitePage>().RunAsync(message.Body.ToString(), ct);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (message.DequeueCount >= MaxDequeueCount)
            {
                LogPoisoned(ex, message.MessageId, message.DequeueCount);
                await poison.CreateIfNotExistsAsync(cancellationToken: ct);
                await poison.SendMessageAsync(message.Body, cancellationToken: ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
            else
            {
                LogFunctionFailed(ex, message.MessageId, message.DequeueCount);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching queue {Queue} every {Seconds} s (local stand-in for the queue trigger)")]
    private partial void LogWatching(string queue, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RenderSitePage failed for message {MessageId} (try {DequeueCount}); it will be retried")]
    private partial void LogFunctionFailed(Exception exception, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "RenderSitePage failed for message {MessageId} {DequeueCount} times; moved to the poison queue")]
    private partial void LogPoisoned(Exception exception, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read queue {Queue}; trying again on the next pass")]
    private partial void LogPollFailed(Exception exception, string queue);
}
