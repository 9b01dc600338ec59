using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// One attempt at a file beside the posts (an author profile, the site settings, an image, a theme
/// file): publishes it through <see cref="AssetPublisher"/>, records why it cannot be published, or
/// removes it when its file is gone. The status row is written last, under optimistic concurrency.
/// </summary>
public sealed class AssetSync(ISourceStore sources, ISourceRecordIndex index, AssetPublisher assets, SyncFailures failures, TimeProvider time)
{
    public async Task<SyncAttempt> TryOnceAsync(string blobName, SourceKind kind, bool force, SyncLeftovers leftovers, CancellationToken ct)
    {
        var source = await sources.ReadAsync(blobName, assets.MaxBytes(kind), ct);
        var record = await index.GetSourceAsync(blobName, ct);
        leftovers.ETag = source?.ETag;
        if (source is null)
        {
            if (record is null)
            {
                return new SyncResult(blobName, SyncOutcome.Missing);
            }

            var affects = await assets.RemoveAsync(kind, blobName, record.Slug, ct);
            return await index.TryDeleteSourceAsync(record, ct)
                ? new SyncResult(blobName, SyncOutcome.Removed, record.Slug) { AffectsDependents = affects }
                : SyncAttempt.StartOver;
        }

        if (!force && record is not null && record.BlobETag == source.ETag)
        {
            return new SyncResult(blobName, SyncOutcome.Unchanged, record.Slug, record.Message);
        }

        AssetChange change;
        try
        {
            change = await assets.PublishAsync(kind, source, ct);
        }
        catch (PostFormatException ex)
        {
            return await failures.RejectAsync(source, record, SourceState.Failed, ex.Message, new SyncLeftovers(), ct, kind);
        }

        var saved = new SourceRecord
        {
            BlobName = blobName,
            State = SourceState.Published,
            Slug = change.Slug,
            BlobETag = source.ETag,
            BlobLastModified = source.LastModified,
            ProcessedAt = time.GetUtcNow(),
            Kind = kind,
            Warnings = change.Warnings,
            ETag = record?.ETag,
        };
        if (!await index.TrySaveSourceAsync(saved, ct) || await sources.GetETagAsync(blobName, ct) != source.ETag)
        {
            return SyncAttempt.StartOver;
        }

        var outcome = record is null ? SyncOutcome.Added : SyncOutcome.Updated;
        return new SyncResult(blobName, outcome, change.Slug, SyncResult.Describe(null, change.Warnings)) { AffectsDependents = change.AffectsDependents };
    }
}
