using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Index;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>
/// The post index in one Azure table. Partitions: <c>listing</c>, <c>tag:{tag}</c> and
/// <c>author:{author}</c> hold listing rows keyed for newest-first range queries (see
/// <see cref="ListingKeys"/>); <c>post</c> holds one row per slug; <c>source</c> one status row
/// per source file (keyed by a hash of its name, since blob names may hold characters row keys
/// cannot); <c>alias</c> maps old slugs to new ones.
/// </summary>
public sealed class TablePostIndex : IPostIndex
{
    internal const string PostPartition = "post";
    private const string SourcePartition = "source";
    private const string AliasPartition = "alias";
    private const int BatchSize = 100;

    private readonly TableClient _table;
    private readonly CreatedOnce _created;

    public TablePostIndex(TableServiceClient service, IOptions<PublishingOptions> options)
    {
        _table = service.GetTableClient(options.Value.IndexTable);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
    }

    public async Task<SourceRecord?> GetSourceAsync(string blobName, CancellationToken cancellationToken)
    {
        var entity = await GetAsync(SourcePartition, SourceRowKey(blobName), cancellationToken);
        return entity is null ? null : IndexEntities.ToSource(entity);
    }

    public async Task<bool> TrySaveSourceAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var entity = IndexEntities.FromSource(record, SourcePartition, SourceRowKey(record.BlobName));
        try
        {
            if (record.ETag is null)
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, new ETag(record.ETag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> TryDeleteSourceAsync(SourceRecord record, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        try
        {
            await _table.DeleteEntityAsync(SourcePartition, SourceRowKey(record.BlobName), record.ETag is null ? ETag.All : new ETag(record.ETag), cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<SourceRecord> ListSourcesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {SourcePartition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return IndexEntities.ToSource(entity);
        }
    }

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

    /// <summary>
    /// One write per partition: a plain upsert when the partition gets one row (the usual case: a post has
    /// one row in each listing it is in), else a transaction per partition (and per 100 rows). A single-row
    /// write is just as atomic and cheaper to serve than a one-row transaction. Partitions are independent,
    /// so their writes go out together.
    /// </summary>
    public async Task UpsertListingAsync(IEnumerable<ListingEntry> entries, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await Task.WhenAll(entries
            .Select(IndexEntities.FromListing)
            .GroupBy(e => e.PartitionKey)
            .SelectMany(partition => partition.Chunk(BatchSize))
            .Select(chunk => chunk.Length == 1
                ? (Task)_table.UpsertEntityAsync(chunk[0], TableUpdateMode.Replace, cancellationToken)
                : _table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken)));
    }

    public async Task DeleteListingAsync(IEnumerable<IndexKey> keys, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var options = new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(keys.Distinct(), options, async (key, ct) => await _table.DeleteEntityAsync(key.Partition, key.Row, ETag.All, ct));
    }

    public async IAsyncEnumerable<(IndexKey Key, DateTimeOffset Written)> ListAllListingKeysAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {ListingKeys.AllPosts} or (PartitionKey ge {"tag:"} and PartitionKey lt {"tag;"}) or (PartitionKey ge {"author:"} and PartitionKey lt {"author;"})");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Timestamp"], cancellationToken: cancellationToken))
        {
            yield return (new IndexKey(entity.PartitionKey, entity.RowKey), entity.Timestamp ?? DateTimeOffset.MinValue);
        }
    }

    public async Task<ListingPage> QueryListingAsync(string partition, string? continueAfter, DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var floor = ListingKeys.RowKeyFloor(now);
        var from = continueAfter is not null && string.CompareOrdinal(continueAfter, floor) >= 0 ? continueAfter : null;
        var filter = from is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {floor} and Expires gt {now}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {from} and Expires gt {now}");

        // Ask for one row more than the page: it tells whether a next page exists without a further query.
        var items = new List<ListingEntry>(limit + 1);
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: limit + 1, cancellationToken: cancellationToken).AsPages())
        {
            items.AddRange(page.Values.Select(IndexEntities.ToListing));
            if (items.Count > limit || page.ContinuationToken is null)
            {
                break;
            }
        }

        var more = items.Count > limit;
        var pageItems = more ? items[..limit] : items;
        return new ListingPage(pageItems, more ? pageItems[^1].Key.Row : null);
    }

    public async Task SetAliasAsync(string alias, string slug, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _table.UpsertEntityAsync(new TableEntity(AliasPartition, alias) { ["Slug"] = slug }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<string?> GetAliasAsync(string alias, CancellationToken cancellationToken)
    {
        var entity = await GetAsync(AliasPartition, alias, cancellationToken);
        return entity?.GetString("Slug");
    }

    public async IAsyncEnumerable<(string Alias, string Target)> ListAliasesAsync(string? target, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = target is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {AliasPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {AliasPartition} and Slug eq {target}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["RowKey", "Slug"], cancellationToken: cancellationToken))
        {
            yield return (entity.RowKey, entity.GetString("Slug"));
        }
    }

    public async Task DeleteAliasAsync(string alias, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        await _table.DeleteEntityAsync(AliasPartition, alias, ETag.All, cancellationToken);
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

    private async Task<TableEntity?> GetAsync(string partition, string row, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static string SourceRowKey(string blobName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)));

}
