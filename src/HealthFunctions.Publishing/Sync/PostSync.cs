using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Media;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Text;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// One attempt at a post: reads the file, checks and renders it before the first write, claims its
/// slug, writes its HTML, listing rows and aliases, and writes its status row last under optimistic
/// concurrency. A lost race anywhere ends the attempt with <see cref="SyncAttempt.StartOver"/>; what
/// it wrote is in the <see cref="SyncLeftovers"/> for the next attempt to clean up.
/// </summary>
public sealed class PostSync(
    ISourceStore sources,
    IHtmlStore html,
    ISourceRecordIndex records,
    IPostIndexWriter index,
    IMediaStore media,
    PostRenderer renderer,
    PostPeople people,
    PostRemoval removal,
    SlugAliases aliases,
    SyncFailures failures,
    TimeProvider time,
    IOptions<PublishingOptions> options)
{
    private readonly int _maxSourceBytes = options.Value.MaxSourceBytes;

    public async Task<SyncAttempt> TryOnceAsync(string blobName, bool force, SyncLeftovers leftovers, CancellationToken ct)
    {
        var reading = sources.ReadAsync(blobName, _maxSourceBytes, ct);
        var recordReading = records.GetSourceAsync(blobName, ct);
        var source = await reading;
        var record = await recordReading;
        leftovers.ETag = source?.ETag;

        if (source is null)
        {
            if (record is null)
            {
                return new SyncResult(blobName, SyncOutcome.Missing);
            }

            await removal.RemoveAsync(blobName, record.Slug, record.IndexKeys.Concat(leftovers.Keys), leftovers.Slugs, ct);
            return await records.TryDeleteSourceAsync(record, ct)
                ? new SyncResult(blobName, SyncOutcome.Removed, record.Slug)
                : SyncAttempt.StartOver;
        }

        if (!force && record is not null && record.BlobETag == source.ETag)
        {
            return new SyncResult(blobName, SyncOutcome.Unchanged, record.Slug, record.Message);
        }

        // Everything is checked before the first write: a post that breaks a rule or a limit changes nothing public.
        RenderedPost post;
        try
        {
            post = await RenderAsync(source, ct);
        }
        catch (PostFormatException ex)
        {
            return await failures.RejectAsync(source, record, SourceState.Failed, ex.Message, leftovers, ct);
        }
        catch (Exception ex) when (failures.IsUnexpected(ex, ct))
        {
            // Parsing and rendering do no I/O, so any other exception is about this file's content.
            return await failures.RejectUnexpectedAsync(source, record, ex, leftovers, ct);
        }

        post = await people.CheckAsync(post, ct);

        var entry = new PostEntry { Post = post, SourceBlob = blobName, HtmlLocation = html.LocationOf(post.Slug) };
        var claim = await index.ClaimSlugAsync(entry, expectNew: record?.Slug is null && leftovers.Slugs.Count == 0, ct);
        if (!claim.Claimed)
        {
            var holder = claim.Holder!;
            if (await sources.GetETagAsync(holder.SourceBlob, ct) is null)
            {
                // The holder's file was deleted but its removal was never processed: finish that first.
                return SyncAttempt.StartOverAfter(holder.SourceBlob);
            }

            var message = $"the slug '{post.Slug}' is already used by '{holder.SourceBlob}'; give this post a different 'slug:' or file name.";
            return await failures.RejectAsync(source, record, SourceState.Conflict, message, leftovers, ct);
        }

        leftovers.Slugs.Add(post.Slug);
        var keys = await WriteAsync(post, blobName, record, leftovers, ct);

        var saved = new SourceRecord
        {
            BlobName = blobName,
            State = post.Draft ? SourceState.Draft : SourceState.Published,
            Message = post.IsPublicAt(time.GetUtcNow()) || post.Draft ? null : $"scheduled for {post.Published:O}",
            Slug = post.Slug,
            BlobETag = source.ETag,
            BlobLastModified = source.LastModified,
            ProcessedAt = time.GetUtcNow(),
            IndexKeys = keys,
            Kind = SourceKind.Post,
            Warnings = post.Warnings,
            People = PostPeople.Named(post),
            ETag = record?.ETag,
        };
        if (!await records.TrySaveSourceAsync(saved, ct))
        {
            return SyncAttempt.StartOver;
        }

        if (await sources.GetETagAsync(blobName, ct) != source.ETag)
        {
            // A newer version (or a delete) landed while this one was processed: go again.
            return SyncAttempt.StartOver;
        }

        return new SyncResult(blobName, record is null ? SyncOutcome.Added : SyncOutcome.Updated, post.Slug, SyncResult.Describe(saved.Message, post.Warnings)) { PreviousSlug = record?.Slug };
    }

    /// <exception cref="PostFormatException">The file breaks a rule or a limit of the post format.</exception>
    private async Task<RenderedPost> RenderAsync(SourceBlob source, CancellationToken ct)
    {
        var parsed = source.Content is null
            ? throw new PostFormatException($"the file is {source.Length:N0} bytes; the limit is {_maxSourceBytes:N0} bytes.")
            : renderer.Parse(source.Name, source.Content);
        var images = parsed.LinksLocalImages ? await media.ListAsync(ImagePaths.FolderOf(source.Name), ct) : ImageCatalog.Empty;
        return renderer.Render(parsed, images);
    }

    /// <summary>Writes the post's HTML, listing rows and aliases, and lets go of what older versions or lost attempts had.</summary>
    /// <returns>The listing rows the post now has.</returns>
    private async Task<IReadOnlyList<IndexKey>> WriteAsync(RenderedPost post, string blobName, SourceRecord? record, SyncLeftovers leftovers, CancellationToken ct)
    {
        var keys = post.Draft
            ? []
            : ListingKeys.For(post.Published, post.Slug, post.Tags, post.Author is null ? null : Slugs.From(post.Author));
        leftovers.Keys.UnionWith(keys);

        // The HTML and the listing rows are independent writes: send them together.
        await Task.WhenAll(
            post.Draft ? html.DeleteAsync(post.Slug, ct) : html.WriteAsync(post.Slug, post.Html, ct),
            index.UpsertListingAsync(keys.Select(key => ListingEntry.From(post, key)), ct));

        var staleKeys = (record?.IndexKeys ?? []).Concat(leftovers.Keys).Except(keys).ToList();
        await index.DeleteListingAsync(staleKeys, ct);

        if (record?.Slug is { } previousSlug && previousSlug != post.Slug)
        {
            await index.ReleaseSlugAsync(previousSlug, blobName, ct);
            await html.DeleteAsync(previousSlug, ct);
            await index.SetAliasAsync(previousSlug, post.Slug, ct);
            await aliases.RedirectAsync(previousSlug, post.Slug, ct);
        }

        foreach (var slug in leftovers.Slugs.Where(slug => slug != post.Slug))
        {
            await index.ReleaseSlugAsync(slug, blobName, ct);
        }

        foreach (var alias in post.Aliases)
        {
            await index.SetAliasAsync(alias, post.Slug, ct);
        }

        return keys;
    }
}
