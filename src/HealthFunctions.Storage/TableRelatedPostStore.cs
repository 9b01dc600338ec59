using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using HealthFunctions.Publishing.Related;
using HealthFunctions.Search;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>
/// Related-posts lists in the search table. Partition <c>related</c>: one row per post, its list as
/// JSON. Partition <c>named-by</c>: one row <c>{named}|{lister}</c> per entry of every list, so "which
/// lists name this post" is one range query. Every entry's reverse row is written before the list and
/// stale ones dropped after, so a failure in between leaves an extra row (an extra recomputation), never a missing one.
/// </summary>
public sealed class TableRelatedPostStore : IRelatedPostStore
{
    private const string ListPartition = "related";
    private const string NamedByPartition = "named-by";
    private const string LinksField = "Links";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table;
    private readonly CreatedOnce _created;

    public TableRelatedPostStore(TableServiceClient service, IOptions<SearchOptions> options)
    {
        _table = service.GetTableClient(options.Value.Table);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
    }

    public async Task<IReadOnlyList<RelatedLink>> GetAsync(string slug, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(ListPartition, slug, [LinksField], cancellationToken);
        return row.HasValue ? Parse(row.Value!.GetString(LinksField)) : [];
    }

    public async Task<bool> SaveAsync(string slug, IReadOnlyList<RelatedLink> related, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(related);
        var before = await GetAsync(slug, cancellationToken);
        var named = related.Select(l => l.Slug).ToHashSet(StringComparer.Ordinal);
        if (named.Count > 0)
        {
            // Every entry's reverse row, not only the new ones: a concurrent save may have just dropped one. One transaction.
            var upserts = named.Select(n => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(NamedByPartition, NamedByKey(n, slug))));
            await _table.SubmitTransactionAsync(upserts, cancellationToken);
        }

        var changed = !before.SequenceEqual(related);
        if (related.Count == 0)
        {
            await DeleteIfExistsAsync(ListPartition, slug, cancellationToken);
        }
        else if (changed)
        {
            var row = new TableEntity(ListPartition, slug) { [LinksField] = JsonSerializer.Serialize(related, Json) };
            await _table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken);
        }

        foreach (var dropped in before.Select(l => l.Slug).Except(named))
        {
            await DeleteIfExistsAsync(NamedByPartition, NamedByKey(dropped, slug), cancellationToken);
        }

        return changed;
    }

    public async Task<IReadOnlyList<string>> NamingAsync(string slug, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        // '|' sorts just before '}', so the row keys of this slug lie between "slug|" and "slug}".
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {NamedByPartition} and RowKey gt {slug + "|"} and RowKey lt {slug + "}"}");
        var listers = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            listers.Add(row.RowKey[(slug.Length + 1)..]);
        }

        return listers;
    }

    private static string NamedByKey(string named, string lister) => named + "|" + lister;

    private static IReadOnlyList<RelatedLink> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<List<RelatedLink>>(json, Json) ?? [];
        }
        catch (JsonException)
        {
            // A damaged row reads as no list; the next computation replaces it.
            return [];
        }
    }

    private async Task DeleteIfExistsAsync(string partition, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await _table.DeleteEntityAsync(partition, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
        }
    }
}
