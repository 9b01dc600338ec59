using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// The publish use case. Brings the index in line with the current state of one source file:
/// publishes it, records why it cannot be published, or removes it when the file is gone.
/// Storage is the truth and a trigger is only a hint, so the file is always read afresh; every
/// step is safe to repeat, and the status row is written last under optimistic concurrency, so
/// replays, late deliveries and concurrent runs converge on the newest version.
/// </summary>
public sealed partial class ContentSync
{
    private const int MaxAttempts = 6;

    private readonly ISourceStore _sources;
    private readonly IHtmlStore _html;
    private readonly IPostIndex _index;
    private readonly PostRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly PublishingOptions _options;
    private readonly ILogger<ContentSync> _logger;

    public ContentSync(
        ISourceStore sources,
        IHtmlStore html,
        IPostIndex index,
        PostRenderer renderer,
        TimeProvider time,
        IOptions<PublishingOptions> options,
        ILogger<ContentSync> logger)
    {
        _sources = sources;
        _html = html;
        _index = index;
        _renderer = renderer;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    public async Task<SyncResult> SyncAsync(string blobName, CancellationToken cancellationToken)
    {
        if (!SourceNames.IsPost(blobName, out var reason))
        {
            var ignored = new SyncResult(blobName, SyncOutcome.Ignored, Message: reason);
            LogResult(ignored.BlobName, ignored.Slug, ignored.Outcome, ignored.Message);
            return ignored;
        }

        var leftovers = new Leftovers();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var result = await TrySyncOnceAsync(blobName, force: attempt > 1, leftovers, cancellationToken);
            if (result is not null)
            {
                LogResult(result.BlobName, result.Slug, result.Outcome, result.Message);
                return result;
            }

            LogRetry(blobName, attempt);
        }

        throw new InvalidOperationException($"'{blobName}' kept changing while it was processed; giving up after {MaxAttempts} attempts so the trigger can retry.");
    }

    /// <returns>The result, or null when another run changed things first and this one must start over.</returns>
    private async Task<SyncResult?> TrySyncOnceAsync(string blobName, bool force, Leftovers leftovers, CancellationToken ct)
    {
        var source = await _sources.ReadAsync(blobName, _options.MaxSourceBytes, ct);
        var record = await _index.GetSourceAsync(blobName, ct);

        if (source is null)
        {
            if (record is null)
            {
                return new SyncResult(blobName, SyncOutcome.Missing);
            }

            await RemovePostAsync(blobName, record.Slug, record.IndexKeys.Concat(leftovers.Keys), leftovers.Slugs, ct);
            return await _index.TryDeleteSourceAsync(record, ct)
                ? new SyncResult(blobName, SyncOutcome.Removed, record.Slug)
                : null;
        }

        if (!force && record is not null && record.BlobETag == source.ETag)
        {
            return new SyncResult(blobName, SyncOutcome.Unchanged, record.Slug, record.Message);
        }

        RenderedPost post;
        try
        {
            post = source.Content is null
                ? throw new PostFormatException($"the file is {source.Length:N0} bytes; the limit is {_options.MaxSourceBytes:N0} bytes.")
                : _renderer.Render(blobName, source.Content);
        }
        catch (PostFormatException ex)
        {
            return await RejectAsync(source, record, SourceState.Failed, ex.Message, leftovers, ct);
        }

        var entry = new PostEntry { Post = post, SourceBlob = blobName, HtmlLocation = _html.LocationOf(post.Slug) };
        var claim = await _index.ClaimSlugAsync(entry, ct);
        if (!claim.Claimed)
        {
            var holder = claim.Holder!;
            if (await _sources.GetETagAsync(holder.SourceBlob, ct) is null)
            {
                // The holder's file was deleted but its removal was never processed: finish that first.
                await SyncAsync(holder.SourceBlob, ct);
                return null;
            }

            var message = $"the slug '{post.Slug}' is already used by '{holder.SourceBlob}'; give this post a different 'slug:' or file name.";
            return await RejectAsync(source, record, SourceState.Conflict, message, leftovers, ct);
        }

        leftovers.Slugs.Add(post.Slug);
        if (post.Draft)
        {
            await _html.DeleteAsync(post.Slug, ct);
        }
        else
        {
            await _html.WriteAsync(post.Slug, post.Html, ct);
        }

        var keys = post.Draft
            ? []
            : ListingKeys.For(post.Published, post.Slug, post.Tags, post.Author is null ? null : Slugs.From(post.Author));
        await _index.UpsertListingAsync(keys.Select(key => ListingEntry.From(post, key)), ct);
        leftovers.Keys.UnionWith(keys);

        var staleKeys = (record?.IndexKeys ?? []).Concat(leftovers.Keys).Except(keys).ToList();
        await _index.DeleteListingAsync(staleKeys, ct);

        if (record?.Slug is { } previousSlug && previousSlug != post.Slug)
        {
            await _index.ReleaseSlugAsync(previousSlug, blobName, ct);
            await _html.DeleteAsync(previousSlug, ct);
            await _index.SetAliasAsync(previousSlug, post.Slug, ct);
        }

        foreach (var slug in leftovers.Slugs.Where(slug => slug != post.Slug))
        {
            await _index.ReleaseSlugAsync(slug, blobName, ct);
        }

        foreach (var alias in post.Aliases)
        {
            await _index.SetAliasAsync(alias, post.Slug, ct);
        }

        var saved = new SourceRecord
        {
            BlobName = blobName,
            State = post.Draft ? SourceState.Draft : SourceState.Published,
            Message = post.IsPublicAt(_time.GetUtcNow()) || post.Draft ? null : $"scheduled for {post.Published:O}",
            Slug = post.Slug,
            BlobETag = source.ETag,
            BlobLastModified = source.LastModified,
            ProcessedAt = _time.GetUtcNow(),
            IndexKeys = keys,
            ETag = record?.ETag,
        };
        if (!await _index.TrySaveSourceAsync(saved, ct))
        {
            return null;
        }

        if (await _sources.GetETagAsync(blobName, ct) != source.ETag)
        {
            // A newer version (or a delete) landed while this one was processed: go again.
            return null;
        }

        return new SyncResult(blobName, record is null ? SyncOutcome.Added : SyncOutcome.Updated, post.Slug, saved.Message);
    }

    /// <summary>Records why a version cannot be published and leaves the previously published version as it was.</summary>
    private async Task<SyncResult?> RejectAsync(SourceBlob source, SourceRecord? record, SourceState state, string message, Leftovers leftovers, CancellationToken ct)
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

    private async Task RemovePostAsync(string blobName, string? slug, IEnumerable<IndexKey> keys, IEnumerable<string> otherSlugs, CancellationToken ct)
    {
        await _index.DeleteListingAsync(keys.Distinct(), ct);
        foreach (var owned in otherSlugs.Append(slug).OfType<string>().Distinct())
        {
            var entry = await _index.GetPostAsync(owned, ct);
            if (entry?.SourceBlob == blobName)
            {
                await _html.DeleteAsync(owned, ct);
                await _index.ReleaseSlugAsync(owned, blobName, ct);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Processed {BlobName}: {Outcome} (slug {Slug}) {Detail}")]
    private partial void LogResult(string blobName, string? slug, SyncOutcome outcome, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{BlobName} changed while attempt {Attempt} ran; starting over")]
    private partial void LogRetry(string blobName, int attempt);

    /// <summary>Rows and slugs written by attempts that lost a race, to clean up on the next attempt.</summary>
    private sealed class Leftovers
    {
        public HashSet<IndexKey> Keys { get; } = [];

        public HashSet<string> Slugs { get; } = new(StringComparer.Ordinal);
    }
}
