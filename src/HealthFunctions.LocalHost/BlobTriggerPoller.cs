using Azure.Storage.Blobs;
using HealthFunctions.Functions;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sync;
using Microsoft.Extensions.Options;

namespace HealthFunctions.LocalHost;

/// <summary>
/// Stands in for the Functions host's blob trigger: lists the source container every few seconds
/// and calls <see cref="PublishOnUpload"/> for each new or changed blob (by ETag), and
/// <see cref="ContentSync"/> for each blob that disappeared (what the Event Grid delete webhook
/// does in Azure). The first pass processes every blob, and every indexed file whose blob is gone.
/// A blob whose function keeps failing is retried on each pass until it has failed
/// <see cref="PoisonThreshold"/> times for the same version, as host.json's <c>poisonBlobThreshold</c>.
/// </summary>
public sealed partial class BlobTriggerPoller : BackgroundService
{
    public const int PoisonThreshold = 5;

    private readonly IServiceProvider _services;
    private readonly BlobServiceClient _blobs;
    private readonly ISourceRecordIndex _index;
    private readonly ContentSync _sync;
    private readonly PublishingOptions _publishing;
    private readonly LocalHostOptions _options;
    private readonly ILogger<BlobTriggerPoller> _logger;
    private readonly Dictionary<string, string> _processed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string ETag, int Failures)> _failures = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _containerReady;

    public BlobTriggerPoller(
        IServiceProvider services,
        BlobServiceClient blobs,
        ISourceRecordIndex index,
        ContentSync sync,
        IOptions<PublishingOptions> publishing,
        IOptions<LocalHostOptions> options,
        ILogger<BlobTriggerPoller> logger)
    {
        _services = services;
        _blobs = blobs;
        _index = index;
        _sync = sync;
        _publishing = publishing.Value;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Completes when the first pass over the container has finished.</summary>
    public Task FirstPass => _firstPass.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_options.BlobPollInterval);
        LogWatching(_publishing.SourceContainer, _options.BlobPollInterval.TotalSeconds);
        do
        {
            try
            {
                await PollAsync(first: !_firstPass.Task.IsCompleted, stoppingToken);
                _firstPass.TrySetResult();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(ex, _publishing.SourceContainer);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task PollAsync(bool first, CancellationToken cancellationToken)
    {
        var container = _blobs.GetBlobContainerClient(_publishing.SourceContainer);
        if (!_containerReady)
        {
            await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            _containerReady = true;
        }

        var current = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            current[blob.Name] = blob.Properties.ETag?.ToString() ?? string.Empty;
        }

        var gone = _processed.Keys.Where(name => !current.ContainsKey(name)).ToList();
        if (first)
        {
            await foreach (var record in _index.ListSourcesAsync(cancellationToken))
            {
                if (!current.ContainsKey(record.BlobName))
                {
                    gone.Add(record.BlobName);
                }
            }
        }

        foreach (var name in gone.Distinct(StringComparer.Ordinal))
        {
            LogDeleted(name);
            await _sync.SyncAsync(name, cancellationToken);
            _processed.Remove(name);
            _failures.Remove(name);
        }

        foreach (var (name, etag) in current)
        {
            if (_processed.TryGetValue(name, out var seen) && seen == etag)
            {
                continue;
            }

            await TriggerAsync(container.GetBlobClient(name), etag, cancellationToken);
        }
    }

    private async Task TriggerAsync(BlobClient blob, string etag, CancellationToken cancellationToken)
    {
        LogTriggered(blob.Name, etag);
        try
        {
            await using var scope = _services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<PublishOnUpload>().RunAsync(blob, cancellationToken);
            _processed[blob.Name] = etag;
            _failures.Remove(blob.Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failures = _failures.TryGetValue(blob.Name, out var previous) && previous.ETag == etag ? previous.Failures + 1 : 1;
            _failures[blob.Name] = (etag, failures);
            if (failures >= PoisonThreshold)
            {
                LogPoisoned(ex, blob.Name, failures);
                _processed[blob.Name] = etag;
            }
            else
            {
                LogFunctionFailed(ex, blob.Name, failures);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching blob container {Container} every {Seconds} s (local stand-in for the blob trigger)")]
    private partial void LogWatching(string container, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob trigger: {BlobName} (ETag {ETag})")]
    private partial void LogTriggered(string blobName, string etag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Blob deleted: {BlobName}")]
    private partial void LogDeleted(string blobName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PublishOnUpload failed for {BlobName} (attempt {Attempt}); retrying on the next pass")]
    private partial void LogFunctionFailed(Exception exception, string blobName, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "PublishOnUpload failed for {BlobName} {Attempts} times; giving up on this version of the blob")]
    private partial void LogPoisoned(Exception exception, string blobName, int attempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not list blob container {Container}; trying again on the next pass")]
    private partial void LogPollFailed(Exception exception, string container);
}
