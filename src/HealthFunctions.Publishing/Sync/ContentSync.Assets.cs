using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Sources;

namespace HealthFunctions.Publishing.Sync;

/// <summary>The publish use case for the files around posts: profiles, site settings, images, theme files, and the posts that depend on them.</summary>
public sealed partial class ContentSync
{
    /// <summary>Publishes an author profile, the site settings or an image; removes it when its file is gone.</summary>
    private async Task<SyncResult?> TrySyncAssetOnceAsync(string blobName, SourceKind kind, bool force, Leftovers leftovers, CancellationToken ct)
    {
        var source = await _sources.ReadAsync(blobName, _assets.MaxBytes(kind), ct);
        var record = await _index.GetSourceAsync(blobName, ct);
        leftovers.ETag = source?.ETag;
        if (source is null)
        {
            if (record is null)
            {
                return new SyncResult(blobName, SyncOutcome.Missing);
            }

            var affects = await _assets.RemoveAsync(kind, blobName, record.Slug, ct);
            return await _index.TryDeleteSourceAsync(record, ct)
                ? new SyncResult(blobName, SyncOutcome.Removed, record.Slug) { AffectsDependents = affects }
                : null;
        }

        if (!force && record is not null && record.BlobETag == source.ETag)
        {
            return new SyncResult(blobName, SyncOutcome.Unchanged, record.Slug, record.Message);
        }

        AssetChange change;
        try
        {
            change = await _assets.PublishAsync(kind, source, ct);
        }
        catch (PostFormatException ex)
        {
            return await RejectAsync(source, record, SourceState.Failed, ex.Message, new Leftovers(), ct, kind);
        }

        var saved = new SourceRecord
        {
            BlobName = blobName,
            State = SourceState.Published,
            Slug = change.Slug,
            BlobETag = source.ETag,
            BlobLastModified = source.LastModified,
            ProcessedAt = _time.GetUtcNow(),
            Kind = kind,
            Warnings = change.Warnings,
            ETag = record?.ETag,
        };
        if (!await _index.TrySaveSourceAsync(saved, ct) || await _sources.GetETagAsync(blobName, ct) != source.ETag)
        {
            return null;
        }

        var outcome = record is null ? SyncOutcome.Added : SyncOutcome.Updated;
        return new SyncResult(blobName, outcome, change.Slug, Describe(null, change.Warnings)) { AffectsDependents = change.AffectsDependents };
    }

    /// <summary>
    /// Re-renders what depends on a changed file, so nothing stale is served: the posts in an image's
    /// folder or above it (they may link it relatively and carry its size); for an author, the posts whose
    /// status rows record that they name it (<see cref="SourceRecord.People"/>); for the site settings
    /// (only when the default author changed), every post.
    /// </summary>
    private async Task RefreshDependentsAsync(string blobName, SourceKind kind, string? slug, CancellationToken ct)
    {
        var dependents = new List<string>();
        switch (kind)
        {
            case SourceKind.Image:
                // A post may link images in its own folder or below it.
                await foreach (var name in _sources.ListNamesAsync(ct))
                {
                    if (blobName.StartsWith(ImagePaths.FolderOf(name), StringComparison.Ordinal) && SourceNames.Classify(name, out _) is SourceKind.Post or SourceKind.Author)
                    {
                        dependents.Add(name);
                    }
                }

                break;
            case SourceKind.Author or SourceKind.Site:
                await foreach (var record in _index.ListSourcesAsync(ct))
                {
                    if (record.Kind == SourceKind.Post && record.State is SourceState.Published or SourceState.Draft
                        && (kind == SourceKind.Site || (slug is not null && record.Names(slug))))
                    {
                        dependents.Add(record.BlobName);
                    }
                }

                break;
        }

        if (dependents.Count == 0 || await _site.TryDeferResyncAsync(dependents, ct))
        {
            return;
        }

        foreach (var dependent in dependents)
        {
            await SyncAsync(dependent, force: true, ct);
        }
    }
}
