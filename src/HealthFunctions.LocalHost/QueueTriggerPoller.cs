using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Options;

namespace HealthFunctions.LocalHost;

/// <summary>
/// Stands in for the Functions host's queue trigger on one queue (the page queue, the related-posts
/// queue): receives visible messages every fraction of a second, runs the queue's function for each (a few at once,
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
    private readonly string _queueName;
    private readonly string _function;
    private readonly Func<IServiceProvider, string, CancellationToken, Task> _run;
    private readonly LocalHostOptions _options;
    private readonly ILogger<QueueTriggerPoller> _logger;

    /// <param name="run">Runs the function for one message body, with a scope's services.</param>
    public QueueTriggerPoller(IServiceProvider services, string queueName, string function, Func<IServiceProvider, string, CancellationToken, Task> run)
    {
        ArgumentNullException.ThrowIfNull(services);
        _services = services;
        _queues = services.GetRequiredService<QueueServiceClient>();
        _queueName = queueName;
        _function = function;
        _run = run;
        _options = services.GetRequiredService<IOptions<LocalHostOptions>>().Value;
        _logger = services.GetRequiredService<ILogger<QueueTriggerPoller>>();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queue = _queues.GetQueueClient(_queueName);
        var poison = _queues.GetQueueClient(_queueName + "-poison");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(_options.QueuePollSeconds));
        LogWatching(_queueName, _function, _options.QueuePollSeconds);
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
                LogPollFailed(ex, _queueName);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync(QueueClient queue, QueueClient poison, QueueMessage message, CancellationToken ct)
    {
        try
        {
            await using var scope = _services.CreateAsyncScope();
            await _run(scope.ServiceProvider, message.Body.ToString(), ct);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            if (message.DequeueCount >= MaxDequeueCount)
            {
                LogPoisoned(ex, _function, message.MessageId, message.DequeueCount);
                await poison.CreateIfNotExistsAsync(cancellationToken: ct);
                await poison.SendMessageAsync(message.Body, cancellationToken: ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
            }
            else
            {
                LogFunctionFailed(ex, _function, message.MessageId, message.DequeueCount);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching queue {Queue} for {Function} every {Seconds} s (local stand-in for the queue trigger)")]
    private partial void LogWatching(string queue, string function, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} failed for message {MessageId} (try {DequeueCount}); it will be retried")]
    private partial void LogFunctionFailed(Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed for message {MessageId} {DequeueCount} times; moved to the poison queue")]
    private partial void LogPoisoned(Exception exception, string function, string messageId, long dequeueCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not read queue {Queue}; trying again on the next pass")]
    private partial void LogPollFailed(Exception exception, string queue);
}
