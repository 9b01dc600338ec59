using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Media;
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
    private readonly IMediaStore _media;
    private readonly AssetPublisher _assets;
    private readonly ProfileLookups _profiles;
    private readonly PostRenderer _renderer;
    private readonly TimeProvider _time;
    private readonly PublishingOptions _options;
    private readonly IStorageFaults _faults;
    private readonly ILogger<ContentSync> _logger;
    private readonly ISiteChangeNotifier _site;
    private readonly PublishingTelemetry _telemetry;

    public ContentSync(
        ISourceStore sources,
        IHtmlStore html,
        IPostIndex index,
        IMediaStore media,
        ISiteContentStore content,
        PostRenderer renderer,
        TimeProvider time,
        IOptions<PublishingOptions> options,
        ILogger<ContentSync> logger,
        ISiteChangeNotifier site,
        IStorageFaults faults,
        PublishingTelemetry telemetry)
    {
        _telemetry = telemetry;
        _site = site;
        _sources = sources;
        _html = html;
        _index = index;
        _media = media;
        _renderer = renderer;
        _time = time;
        _options = options.Value;
        _logger = logger;
        _faults = faults;
        _assets = new AssetPublisher(media, content, sources, renderer, _options);
        _profiles = new ProfileLookups(content, time, TimeSpan.FromSeconds(_options.ProfileCacheSeconds));
    }

    public Task<SyncResult> SyncAsync(string blobName, CancellationToken cancellationToken) =>
        SyncAsync(blobName, force: false, cancellationToken);

    /// <param name="force">Process the file even when this version was processed before (its dependencies changed).</param>
    public async Task<SyncResult> SyncAsync(string blobName, bool force, CancellationToken cancellationToken)
    {
        var kind = SourceNames.Classify(blobName, out var reason);
        using var trace = _telemetry.StartPublish(blobName, kind);
        try
        {
            var result = await SyncKindAsync(blobName, kind, reason, force, cancellationToken);
            trace.Completed(result);
            return result;
        }
        catch (Exception ex)
        {
            trace.Failed(ex);
            throw;
        }
    }

    private async Task<SyncResult> SyncKindAsync(string blobName, SourceKind kind, string reason, bool force, CancellationToken cancellationToken)
    {
        if (kind == SourceKind.Ignored)
        {
            var ignored = await SyncIgnoredAsync(blobName, reason, cancellationToken);
            LogResult(ignored.BlobName, ignored.Slug, ignored.Outcome, ignored.Message);
            return ignored;
        }

        var leftovers = new Leftovers();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var again = force || attempt > 1;
            SyncResult? result;
            try
            {
                result = kind == SourceKind.Post
                    ? await TrySyncOnceAsync(blobName, again, leftovers, cancellationToken)
                    : await TrySyncAssetOnceAsync(blobName, kind, again, leftovers, cancellationToken);
            }
            catch (Exception ex) when (IsUnexpected(ex, cancellationToken))
            {
                // A bug or an input no check foresaw: the same version would fail the same way, so it is
                // recorded (and the trigger not made to retry); storage outages still escape to be retried.
                result = await RecordUnexpectedAsync(blobName, kind, ex, leftovers, cancellationToken);
            }

            if (result is not null)
            {
                LogResult(result.BlobName, result.Slug, result.Outcome, result.Message);
                if (kind is SourceKind.Author or SourceKind.Site && result.Outcome is SyncOutcome.Added or SyncOutcome.Updated or SyncOutcome.Removed)
                {
                    _profiles.Forget();
                }

                if (result.Outcome is SyncOutcome.Added or SyncOutcome.Updated or SyncOutcome.Removed)
                {
                    await _site.ChangedAsync(new ContentChange(kind, result.Outcome, blobName, result.Slug, result.PreviousSlug), cancellationToken);
                }

                if (result.AffectsDependents && result.Outcome is SyncOutcome.Added or SyncOutcome.Updated or SyncOutcome.Removed)
                {
                    await RefreshDependentsAsync(blobName, kind, result.Slug, cancellationToken);
                }

                return result;
            }

            LogRetry(blobName, attempt);
        }

        throw new InvalidOperationException($"'{blobName}' kept changing while it was processed; giving up after {MaxAttempts} attempts so the trigger can retry.");
    }

    /// <returns>The result, or null when another run changed things first and this one must start over.</returns>
    private async Task<SyncResult?> TrySyncOnceAsync(string blobName, bool force, Leftovers leftovers, CancellationToken ct)
    {
        var reading = _sources.ReadAsync(blobName, _options.MaxSourceBytes, ct);
        var recordReading = _index.GetSourceAsync(blobName, ct);
        var source = await reading;
        var record = await recordReading;
        leftovers.ETag = source?.ETag;

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

        // Everything is checked before the first write: a post that breaks a rule or a limit changes nothing public.
        RenderedPost post;
        try
        {
            var parsed = source.Content is null
                ? throw new PostFormatException($"the file is {source.Length:N0} bytes; the limit is {_options.MaxSourceBytes:N0} bytes.")
                : _renderer.Parse(blobName, source.Content);
            var images = parsed.LinksLocalImages ? await _media.ListAsync(ImagePaths.FolderOf(blobName), ct) : ImageCatalog.Empty;
            post = _renderer.Render(parsed, images);
        }
        catch (PostFormatException ex)
        {
            return await RejectAsync(source, record, SourceState.Failed, ex.Message, leftovers, ct);
        }
        catch (Exception ex) when (IsUnexpected(ex, ct))
        {
            // Parsing and rendering do no I/O, so any other exception is about this file's content.
            return await RejectAsync(source, record, SourceState.Failed, UnexpectedMessage(LogUnexpected(blobName, source.ETag, ex)), leftovers, ct);
        }

        post = await CheckPeopleAsync(post, ct);

        var entry = new PostEntry { Post = post, SourceBlob = blobName, HtmlLocation = _html.LocationOf(post.Slug) };
        var claim = await _index.ClaimSlugAsync(entry, expectNew: record?.Slug is null && leftovers.Slugs.Count == 0, ct);
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
        var keys = post.Draft
            ? []
            : ListingKeys.For(post.Published, post.Slug, post.Tags, post.Author is null ? null : Slugs.From(post.Author));
        leftovers.Keys.UnionWith(keys);

        // The HTML and the listing rows are independent writes: send them together.
        await Task.WhenAll(
            post.Draft ? _html.DeleteAsync(post.Slug, ct) : _html.WriteAsync(post.Slug, post.Html, ct),
            _index.UpsertListingAsync(keys.Select(key => ListingEntry.From(post, key)), ct));

        var staleKeys = (record?.IndexKeys ?? []).Concat(leftovers.Keys).Except(keys).ToList();
        await _index.DeleteListingAsync(staleKeys, ct);

        if (record?.Slug is { } previousSlug && previousSlug != post.Slug)
        {
            await _index.ReleaseSlugAsync(previousSlug, blobName, ct);
            await _html.DeleteAsync(previousSlug, ct);
            await _index.SetAliasAsync(previousSlug, post.Slug, ct);
            await RedirectAliasesAsync(previousSlug, post.Slug, ct);
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
            Kind = SourceKind.Post,
            Warnings = post.Warnings,
            People = new[] { post.Author, post.ReviewedBy }.OfType<string>().Select(Slugs.From).Distinct(StringComparer.Ordinal).ToList(),
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

        return new SyncResult(blobName, record is null ? SyncOutcome.Added : SyncOutcome.Updated, post.Slug, Describe(saved.Message, post.Warnings)) { PreviousSlug = record?.Slug };
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
                await DeleteAliasesToAsync(owned, ct);
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

        /// <summary>The version of the file the latest attempt read.</summary>
        public string? ETag { get; set; }
    }
}
