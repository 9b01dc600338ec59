using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;
using Microsoft.Extensions.Logging;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// The publish use case's answers to what should not happen: files it does not publish, exceptions
/// nobody expected, and redirects that must not chain. Every one leaves a status row behind.
/// </summary>
public sealed partial class ContentSync
{
    /// <summary>
    /// True for a failure that is about this file or a bug, so trying again cannot help; false for a
    /// cancellation or a storage outage, which must escape so the trigger tries again later.
    /// </summary>
    private bool IsUnexpected(Exception exception, CancellationToken ct) =>
        exception is not OperationCanceledException && !_faults.IsTransient(exception) && !ct.IsCancellationRequested;

    /// <summary>Records (or, when the file is gone, removes) the status row of a file the blog does not publish.</summary>
    private async Task<SyncResult> SyncIgnoredAsync(string blobName, string reason, CancellationToken ct)
    {
        string? etag;
        try
        {
            etag = await _sources.GetETagAsync(blobName, ct);
        }
        catch (Exception ex) when (IsUnexpected(ex, ct))
        {
            // The storage service refuses to look the name up (too long, say), yet the trigger saw it.
            etag = string.Empty;
        }

        var record = await _index.GetSourceAsync(blobName, ct);
        if (etag is null)
        {
            // Nothing to record for a file that is not there; a row left from when it was is removed.
            return record is not null && await _index.TryDeleteSourceAsync(record, ct)
                ? new SyncResult(blobName, SyncOutcome.Removed, record.Slug)
                : new SyncResult(blobName, SyncOutcome.Ignored, Message: reason);
        }

        if (record is not { State: SourceState.Ignored } || record.BlobETag != etag || record.Message != reason)
        {
            var now = _time.GetUtcNow();
            await _index.TrySaveSourceAsync(
                new SourceRecord
                {
                    BlobName = blobName,
                    State = SourceState.Ignored,
                    Message = reason,
                    BlobETag = etag,
                    BlobLastModified = record?.BlobLastModified ?? now,
                    ProcessedAt = now,
                    Kind = SourceKind.Ignored,
                    ETag = record?.ETag,
                },
                ct);
        }

        return new SyncResult(blobName, SyncOutcome.Ignored, Message: reason);
    }

    /// <summary>
    /// Records an exception nobody expected as a <c>Failed</c> status row with a message that names no
    /// internals (the log has the details, under the same reference). When the attempt had already
    /// written, everything this file has public is taken down: a half-written post is never left up.
    /// </summary>
    private async Task<SyncResult?> RecordUnexpectedAsync(string blobName, SourceKind kind, Exception exception, Leftovers leftovers, CancellationToken ct)
    {
        var reference = LogUnexpected(blobName, leftovers.ETag, exception);
        var record = await _index.GetSourceAsync(blobName, ct);
        var etag = leftovers.ETag ?? await _sources.GetETagAsync(blobName, ct);
        if (etag is null)
        {
            // The file is gone; the next attempt removes what it had.
            return null;
        }

        var wrote = kind == SourceKind.Post && (leftovers.Keys.Count > 0 || leftovers.Slugs.Count > 0);
        if (wrote)
        {
            await RemovePostAsync(blobName, record?.Slug, (record?.IndexKeys ?? []).Concat(leftovers.Keys), leftovers.Slugs, ct);
            leftovers.Keys.Clear();
            leftovers.Slugs.Clear();
        }

        var message = UnexpectedMessage(reference, wrote);
        var now = _time.GetUtcNow();
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
        return await _index.TrySaveSourceAsync(failed, ct)
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

    /// <summary>After a rename, every older slug points straight at the new one: no redirect chains.</summary>
    private async Task RedirectAliasesAsync(string previousSlug, string slug, CancellationToken ct)
    {
        var aliases = new List<string>();
        await foreach (var (alias, _) in _index.ListAliasesAsync(previousSlug, ct))
        {
            aliases.Add(alias);
        }

        foreach (var alias in aliases)
        {
            await (alias == slug ? _index.DeleteAliasAsync(alias, ct) : _index.SetAliasAsync(alias, slug, ct));
        }
    }

    private async Task DeleteAliasesToAsync(string slug, CancellationToken ct)
    {
        var aliases = new List<string>();
        await foreach (var (alias, _) in _index.ListAliasesAsync(slug, ct))
        {
            aliases.Add(alias);
        }

        foreach (var alias in aliases)
        {
            await _index.DeleteAliasAsync(alias, ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Processing {BlobName} (ETag {BlobETag}) failed unexpectedly, reference {Reference} ({ExceptionType}); recorded as failed, not retried")]
    private partial void LogUnexpectedError(Exception exception, string blobName, string? blobETag, string reference, string? exceptionType);

    /// <summary>Records why a version cannot be published and leaves the previously published version as it was.</summary>
    private async Task<SyncResult?> RejectAsync(SourceBlob source, SourceRecord? record, SourceState state, string message, Leftovers leftovers, CancellationToken ct, SourceKind kind = SourceKind.Post)
    {
        var rejected = new SourceRecord
        {
            BlobName = source.Name,
            State = state,
            Message = message,
            Slug = record?.Slug,
            BlobETag = source.ETag,
            BlobLastModified = source.LastModified,
            ProcessedAt = _time.GetUtcNow(),
            IndexKeys = record?.IndexKeys ?? [],
            Kind = kind,
            ETag = record?.ETag,
        };
        if (!await _index.TrySaveSourceAsync(rejected, ct))
        {
            return null;
        }

        await _index.DeleteListingAsync(leftovers.Keys.Except(rejected.IndexKeys), ct);
        foreach (var slug in leftovers.Slugs.Where(slug => slug != rejected.Slug))
        {
            await _index.ReleaseSlugAsync(slug, source.Name, ct);
        }

        var outcome = state == SourceState.Conflict ? SyncOutcome.Conflict : SyncOutcome.Failed;
        return new SyncResult(source.Name, outcome, record?.Slug, message);
    }
}
