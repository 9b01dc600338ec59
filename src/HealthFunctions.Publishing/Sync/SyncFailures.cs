using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;
using Microsoft.Extensions.Logging;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// The status rows of versions that cannot be published: rejected ones (a broken rule or limit, a
/// taken slug) and ones that hit an exception nobody expected. Either way the row tells the editor
/// what happened, and nothing half-written stays public.
/// </summary>
public sealed partial class SyncFailures(ISourceRecordIndex records, IPostIndexWriter index, ISourceStore sources, PostRemoval removal, TimeProvider time, IStorageFaults faults, ILogger<SyncFailures> logger)
{
    /// <summary>
    /// True for a failure that is about this file or a bug, so trying again cannot help; false for a
    /// cancellation or a storage outage, which must escape so the trigger tries again later.
    /// </summary>
    public bool IsUnexpected(Exception exception, CancellationToken ct) =>
        exception is not OperationCanceledException && !faults.IsTransient(exception) && !ct.IsCancellationRequested;

    /// <summary>Records why a version cannot be published and leaves the previously published version as it was.</summary>
    /// <returns>The result, or null when the status row changed meanwhile and the attempt must start over.</returns>
    public async Task<SyncResult?> RejectAsync(SourceBlob source, SourceRecord? record, SourceState state, string message, SyncLeftovers leftovers, CancellationToken ct, SourceKind kind = SourceKind.Post)
    {
        var rejected = new SourceRecord
        {
            BlobName = source.Name,
            State = state,
            Message = message,
            Slug = record?.Slug,
            BlobETag = source.ETag,
            BlobLastModified = source.LastModified,
            ProcessedAt = time.GetUtcNow(),
            IndexKeys = record?.IndexKeys ?? [],
            Kind = kind,
            ETag = record?.ETag,
        };
        if (!await records.TrySaveSourceAsync(rejected, ct))
        {
            return null;
        }

        await index.DeleteListingAsync(leftovers.Keys.Except(rejected.IndexKeys), ct);
        foreach (var slug in leftovers.Slugs.Where(slug => slug != rejected.Slug))
        {
            await index.ReleaseSlugAsync(slug, source.Name, ct);
        }

        var outcome = state == SourceState.Conflict ? SyncOutcome.Conflict : SyncOutcome.Failed;
        return new SyncResult(source.Name, outcome, record?.Slug, message);
    }

    /// <summary>Rejects a version whose parsing or rendering threw: the editor's message names no internals, the log has the details.</summary>
    public Task<SyncResult?> RejectUnexpectedAsync(SourceBlob source, SourceRecord? record, Exception exception, SyncLeftovers leftovers, CancellationToken ct) =>
        RejectAsync(source, record, SourceState.Failed, UnexpectedMessage(LogUnexpected(source.Name, source.ETag, exception)), leftovers, ct);

    /// <summary>
    /// Records an exception nobody expected as a <c>Failed</c> status row with a message that names no
    /// internals (the log has the details, under the same reference). When the attempt had already
    /// written, everything this file has public is taken down: a half-written post is never left up.
    /// </summary>
    /// <returns>The result, or null when the file is gone or the status row changed, and the attempt must start over.</returns>
    public async Task<SyncResult?> RecordUnexpectedAsync(string blobName, SourceKind kind, Exception exception, SyncLeftovers leftovers, CancellationToken ct)
    {
        var reference = LogUnexpected(blobName, leftovers.ETag, exception);
        var record = await records.GetSourceAsync(blobName, ct);
        var etag = leftovers.ETag ?? await sources.GetETagAsync(blobName, ct);
        if (etag is null)
        {
            // The file is gone; the next attempt removes what it had.
            return null;
        }

        var wrote = kind == SourceKind.Post && leftovers.Wrote;
        if (wrote)
        {
            await removal.RemoveAsync(blobName, record?.Slug, (record?.IndexKeys ?? []).Concat(leftovers.Keys), leftovers.Slugs, ct);
            leftovers.Clear();
        }

        var message = UnexpectedMessage(reference, wrote);
        var now = time.GetUtcNow();
        var failed = new SourceRecord
        {
            BlobName = blobName,
            State = SourceState.Failed,
            Message = message,
            Slug = wrote ? null : record?.Slug,
            BlobETag = etag,
            BlobLastModified = record?.BlobLastModified ?? now,
            ProcessedAt = now,
            IndexKeys = wrote ? [] : record?.IndexKeys ?? [],
            Kind = kind,
            ETag = record?.ETag,
        };
        return await records.TrySaveSourceAsync(failed, ct)
            ? new SyncResult(blobName, SyncOutcome.Failed, failed.Slug, message)
            : null;
    }

    private static string UnexpectedMessage(string reference, bool tookDown = false) =>
        $"the file could not be processed because of an unexpected error (reference {reference}); the site's operator can look it up in the logs. " +
        (tookDown
            ? "Its post was taken down so that nothing half-written stays public; upload the file again once the operator says so."
            : "Nothing of this version was published; what was published before stays.");

    private string LogUnexpected(string blobName, string? etag, Exception exception)
    {
        var reference = Guid.NewGuid().ToString("N")[..12];
        LogUnexpectedError(exception, blobName, etag, reference, exception.GetType().FullName);
        return reference;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {BlobName} (ETag {BlobETag}) failed unexpectedly, reference {Reference} ({ExceptionType}); recorded as failed, not retried")]
    private partial void LogUnexpectedError(Exception exception, string blobName, string? blobETag, string reference, string? exceptionType);
}
