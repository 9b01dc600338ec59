using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;

namespace HealthFunctions.Publishing.Sync;

/// <summary>The status rows of files the blog does not publish (an unsupported type or name): recorded while the file exists, removed when it is gone.</summary>
public sealed class IgnoredFileSync(ISourceRecordIndex index, ISourceStore sources, SyncFailures failures, TimeProvider time)
{
    public async Task<SyncResult> SyncAsync(string blobName, string reason, CancellationToken ct)
    {
        string? etag;
        try
        {
            etag = await sources.GetETagAsync(blobName, ct);
        }
        catch (Exception ex) when (failures.IsUnexpected(ex, ct))
        {
            // The storage service refuses to look the name up (too long, say), yet the trigger saw it.
            etag = string.Empty;
        }

        var record = await index.GetSourceAsync(blobName, ct);
        if (etag is null)
        {
            // Nothing to record for a file that is not there; a row left from when it was is removed.
            return record is not null && await index.TryDeleteSourceAsync(record, ct)
                ? new SyncResult(blobName, SyncOutcome.Removed, record.Slug)
                : new SyncResult(blobName, SyncOutcome.Ignored, Message: reason);
        }

        if (record is not { State: SourceState.Ignored } || record.BlobETag != etag || record.Message != reason)
        {
            var now = time.GetUtcNow();
            await index.TrySaveSourceAsync(
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
}
