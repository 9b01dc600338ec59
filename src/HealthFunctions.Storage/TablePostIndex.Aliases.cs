using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;

namespace HealthFunctions.Storage;

/// <summary>The <c>alias</c> partition: an old slug's row names the slug the post lives at now.</summary>
public sealed partial class TablePostIndex
{
    private const string AliasPartition = "alias";

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
}
