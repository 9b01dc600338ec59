using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using HealthFunctions.Publishing.Index;

namespace HealthFunctions.Storage;

/// <summary>The listing partitions (<c>listing</c>, <c>tag:{tag}</c>, <c>author:{author}</c>): rows keyed for newest-first range queries.</summary>
public sealed partial class TablePostIndex
{
    private const int BatchSize = 100;

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
}
