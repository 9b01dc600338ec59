using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using HealthFunctions.Search;
using HealthFunctions.Search.Sync;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>
/// Search documents in one Azure table. Partition <c>doc</c>: one row per slug, the document and
/// the time its post was read (a removed post keeps a tombstone row, so a late stale write cannot
/// bring it back). Partition <c>change</c>: the log, keyed <c>{readAt ticks, 19 digits}-{slug}</c>
/// so "changed since T" is one range query, each row holding the document or a removal.
/// </summary>
public sealed class TableSearchDocumentStore : ISearchDocumentStore
{
    private const string DocPartition = "doc";
    private const string ChangePartition = "change";

    private readonly TableClient _table;
    private readonly CreatedOnce _created;

    public TableSearchDocumentStore(TableServiceClient service, IOptions<SearchOptions> options)
    {
        _table = service.GetTableClient(options.Value.Table);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
    }

    public Task SaveAsync(SearchDocument document, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        return WriteAsync(document.Slug, document, readAt, cancellationToken);
    }

    public Task DeleteAsync(string slug, DateTimeOffset readAt, CancellationToken cancellationToken) =>
        WriteAsync(slug, null, readAt, cancellationToken);

    public async IAsyncEnumerable<SearchDocument> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {DocPartition}");
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (SearchEntities.ToDocument(entity, entity.RowKey) is { } document)
            {
                yield return document;
            }
        }
    }

    public async Task<IReadOnlyList<SearchChange>> ChangesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var from = Ticks(since);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ChangePartition} and RowKey ge {from}");
        var changes = new List<SearchChange>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var slug = entity.GetString(SearchEntities.SlugField);
            changes.Add(new SearchChange(slug, SearchEntities.ReadAtOf(entity), SearchEntities.ToDocument(entity, slug)));
        }

        return changes;
    }

    public async Task PruneChangesAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ChangePartition} and RowKey lt {Ticks(before)}");
        var batch = new List<TableTransactionAction>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            batch.Add(new TableTransactionAction(TableTransactionActionType.Delete, entity, ETag.All));
            if (batch.Count == 100)
            {
                await _table.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await _table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    private async Task WriteAsync(string slug, SearchDocument? document, DateTimeOffset readAt, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var existing = await _table.GetEntityIfExistsAsync<TableEntity>(DocPartition, slug, cancellationToken: cancellationToken);
            if (existing.HasValue && SearchEntities.ReadAtOf(existing.Value!) > readAt)
            {
                // A publish that read the post later has already written: this one is stale.
                return;
            }

            var row = SearchEntities.From(DocPartition, slug, document, readAt);
            try
            {
                if (existing.HasValue)
                {
                    await _table.UpdateEntityAsync(row, existing.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                else
                {
                    await _table.AddEntityAsync(row, cancellationToken);
                }
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
            {
                continue;
            }

            var change = SearchEntities.From(ChangePartition, $"{Ticks(readAt)}-{slug}", document, readAt);
            change[SearchEntities.SlugField] = slug;
            await _table.UpsertEntityAsync(change, TableUpdateMode.Replace, cancellationToken);
            return;
        }

        throw new InvalidOperationException($"The search document of '{slug}' kept changing while it was written.");
    }

    private static string Ticks(DateTimeOffset time) => time.UtcTicks.ToString("D19", CultureInfo.InvariantCulture);
}
