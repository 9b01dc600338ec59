using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using HealthFunctions.Publishing.Index;

namespace HealthFunctions.Storage;

/// <summary>The <c>post</c> partition: one row per slug, held by one source file.</summary>
public sealed partial class TablePostIndex
{
    internal const string PostPartition = "post";

    public async Task<PostEntry?> GetPostAsync(string slug, CancellationToken cancellationToken)
    {
        var entity = await GetAsync(PostPartition, slug, cancellationToken);
        return entity is null ? null : IndexEntities.ToPost(entity);
    }

    public async Task<SlugClaim> ClaimSlugAsync(PostEntry entry, bool expectNew, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            // An insert fails with 409 if the row exists, so trying it first is safe; the next attempt reads.
            var existing = expectNew && attempt == 0 ? null : await GetPostAsync(entry.Post.Slug, cancellationToken);
            try
            {
                if (existing is null)
                {
                    await _table.AddEntityAsync(IndexEntities.FromPost(entry), cancellationToken);
                    return new SlugClaim(true, null);
                }

                if (existing.SourceBlob != entry.SourceBlob)
                {
                    return new SlugClaim(false, existing);
                }

                await _table.UpdateEntityAsync(IndexEntities.FromPost(entry), new ETag(existing.ETag!), TableUpdateMode.Replace, cancellationToken);
                return new SlugClaim(true, null);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
            {
                // Someone else wrote this slug between the read and the write: look again.
            }
        }

        throw new InvalidOperationException($"The slug '{entry.Post.Slug}' kept changing while it was claimed.");
    }

    public async Task ReleaseSlugAsync(string slug, string sourceBlob, CancellationToken cancellationToken)
    {
        var existing = await GetPostAsync(slug, cancellationToken);
        if (existing is null || existing.SourceBlob != sourceBlob)
        {
            return;
        }

        try
        {
            await _table.DeleteEntityAsync(PostPartition, slug, new ETag(existing.ETag!), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412)
        {
            // Changed since it was read: whoever changed it now owns it.
        }
    }

    public async IAsyncEnumerable<(string Slug, string SourceBlob, DateTimeOffset Written)> ListPostsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PostPartition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "SourceBlob", "Timestamp"], cancellationToken: cancellationToken))
        {
            yield return (entity.RowKey, entity.GetString("SourceBlob"), entity.Timestamp ?? DateTimeOffset.MinValue);
        }
    }

    public async IAsyncEnumerable<PostEntry> ListPostEntriesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PostPartition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return IndexEntities.ToPost(entity);
        }
    }
}
