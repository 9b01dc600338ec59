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
/// cannot); <c>alias</c> maps old slugs to new ones. This file holds the status rows; the other
/// partitions each have a file of their own, and <see cref="IndexEntities"/> maps rows to records.
/// </summary>
public sealed partial class TablePostIndex : IPostIndex
{
    private const string SourcePartition = "source";

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

    private async Task<TableEntity?> GetAsync(string partition, string row, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var response = await _table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static string SourceRowKey(string blobName) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(blobName)));
}
