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

    /// <summary>
    /// Applies the site's default author, and warns (without failing) when the author or a slug-named
    /// reviewer has no profile in <c>authors/</c>.
    /// </summary>
    private async Task<RenderedPost> CheckPeopleAsync(RenderedPost post, CancellationToken ct)
    {
        var warnings = post.Warnings.ToList();
        var author = post.Author;
        if (author is null && (await _profiles.GetSiteAsync(ct))?.DefaultAuthor is { } defaultAuthor)
        {
            author = defaultAuthor;
        }

        if (author is not null && await _profiles.GetAuthorAsync(Slugs.From(author), ct) is null)
        {
            warnings.Add(UnknownAuthor(Slugs.From(author)));
        }

        if (post.ReviewedBy is { } reviewer && Slugs.IsValid(reviewer) && await _profiles.GetAuthorAsync(reviewer, ct) is null)
        {
            warnings.Add(UnknownAuthor(reviewer));
        }

        return post with { Author = author, Warnings = warnings };
    }

    private static string UnknownAuthor(string slug) =>
        $"author '{slug}' has no profile; upload {SourceNames.AuthorsFolder}{slug}.md.";

    private static string? Describe(string? message, IReadOnlyList<string> warnings) =>
        warnings.Count == 0 ? message : string.Join(" ", new[] { message }.Concat(warnings.Select(w => "Warning: " + w)).OfType<string>());

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
