using HealthFunctions.Publishing.Sources;
using Microsoft.Extensions.Logging;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// The publish use case. Brings the index in line with the current state of one source file:
/// publishes it, records why it cannot be published, or removes it when the file is gone.
/// Storage is the truth and a trigger is only a hint, so the file is always read afresh; every
/// step is safe to repeat, and the status row is written last under optimistic concurrency, so
/// replays, late deliveries and concurrent runs converge on the newest version. This class runs
/// the attempts (<see cref="PostSync"/>, <see cref="AssetSync"/>) until one is not overtaken, and
/// then tells the site and the files that depend on this one.
/// </summary>
public sealed partial class ContentSync(
    PostSync posts,
    AssetSync assets,
    IgnoredFileSync ignored,
    SyncFailures failures,
    DependentFiles dependents,
    ISiteChangeNotifier site,
    PublishingTelemetry telemetry,
    ILogger<ContentSync> logger)
{
    private const int MaxAttempts = 6;

    private readonly ILogger<ContentSync> _logger = logger;

    public Task<SyncResult> SyncAsync(string blobName, CancellationToken cancellationToken) =>
        SyncAsync(blobName, force: false, cancellationToken);

    /// <param name="force">Process the file even when this version was processed before (its dependencies changed).</param>
    public async Task<SyncResult> SyncAsync(string blobName, bool force, CancellationToken cancellationToken)
    {
        var kind = SourceNames.Classify(blobName, out var reason);
        using var trace = telemetry.StartPublish(blobName, kind);
        try
        {
            SyncResult result;
            if (kind == SourceKind.Ignored)
            {
                result = await ignored.SyncAsync(blobName, reason, cancellationToken);
                LogResult(result.BlobName, result.Slug, result.Outcome, result.Message);
            }
            else
            {
                result = await SyncUntilSettledAsync(blobName, kind, force, cancellationToken);
            }

            trace.Completed(result);
            return result;
        }
        catch (Exception ex)
        {
            trace.Failed(ex);
            throw;
        }
    }

    /// <summary>Attempts the file until an attempt is not overtaken by another run or a newer version.</summary>
    private async Task<SyncResult> SyncUntilSettledAsync(string blobName, SourceKind kind, bool force, CancellationToken cancellationToken)
    {
        var leftovers = new SyncLeftovers();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var again = force || attempt > 1;
            SyncAttempt outcome;
            try
            {
                outcome = kind == SourceKind.Post
                    ? await posts.TryOnceAsync(blobName, again, leftovers, cancellationToken)
                    : await assets.TryOnceAsync(blobName, kind, again, leftovers, cancellationToken);
            }
            catch (Exception ex) when (failures.IsUnexpected(ex, cancellationToken))
            {
                // A bug or an input no check foresaw: the same version would fail the same way, so it is
                // recorded (and the trigger not made to retry); storage outages still escape to be retried.
                outcome = await failures.RecordUnexpectedAsync(blobName, kind, ex, leftovers, cancellationToken);
            }

            if (outcome.SyncFirst is { } first)
            {
                await SyncAsync(first, cancellationToken);
            }
            else if (outcome.Result is { } result)
            {
                LogResult(result.BlobName, result.Slug, result.Outcome, result.Message);
                await AfterChangeAsync(blobName, kind, result, cancellationToken);
                return result;
            }

            LogRetry(blobName, attempt);
        }

        throw new InvalidOperationException($"'{blobName}' kept changing while it was processed; giving up after {MaxAttempts} attempts so the trigger can retry.");
    }

    /// <summary>Tells the site about a change, and re-publishes (or queues) the files that depend on this one.</summary>
    private async Task AfterChangeAsync(string blobName, SourceKind kind, SyncResult result, CancellationToken cancellationToken)
    {
        if (!result.Changed)
        {
            return;
        }

        await site.ChangedAsync(new ContentChange(kind, result.Outcome, blobName, result.Slug, result.PreviousSlug), cancellationToken);
        if (!result.AffectsDependents)
        {
            return;
        }

        var names = await dependents.FindAsync(blobName, kind, result.Slug, cancellationToken);
        if (names.Count == 0 || await site.TryDeferResyncAsync(names, cancellationToken))
        {
            return;
        }

        foreach (var name in names)
        {
            await SyncAsync(name, force: true, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed {BlobName}: {Outcome} (slug {Slug}) {Detail}")]
    private partial void LogResult(string blobName, string? slug, SyncOutcome outcome, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{BlobName} changed while attempt {Attempt} ran; starting over")]
    private partial void LogRetry(string blobName, int attempt);
}
