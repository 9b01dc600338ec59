using System.Globalization;
using Azure;
using Azure.Data.Tables;
using HealthFunctions.Publishing;
using HealthFunctions.Site.Writing;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>
/// The site sweep's state: one row (partition <c>sweep</c>, row <c>site</c>) in the index table, written
/// under its ETag. Each sweep's list of page keys is a partition of its own in the same table
/// (<c>sweepkeys:</c> with the start's ticks and a unique suffix), one row per chunk (row key the
/// chunk's number), the chunk's keys in one string property, one per line.
/// </summary>
public sealed class TableSweepStore : ISweepStore
{
    /// <summary>
    /// Most characters in one chunk's string: a table string property holds 64 KiB of UTF-16, 32,768
    /// characters. Page keys are far shorter (a slug is at most 80 characters, so a post, tag or author
    /// key at most 87; the search page's key at most a blob name's 1,024), so a chunk always has room
    /// for at least one, and a batch of up to 1,000 keys may be cut into a few chunks.
    /// </summary>
    public const int MaxChunkChars = 30_000;

    /// <summary>Most characters of keys in one transaction: well under its 4 MiB payload (it also holds at most 100 rows).</summary>
    private const int MaxTransactionChars = 2_000_000;

    private const int MaxTransactionRows = 100;

    private const string Partition = "sweep";
    private const string Row = "site";
    private const string KeysPrefix = "sweepkeys:";

    private readonly TableClient _table;
    private readonly CreatedOnce _created;

    public TableSweepStore(TableServiceClient service, IOptions<PublishingOptions> options)
    {
        _table = service.GetTableClient(options.Value.IndexTable);
        _created = new CreatedOnce(() => _table.CreateIfNotExistsAsync());
    }

    public async Task<SweepState?> GetAsync(CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } entity)
        {
            return null;
        }

        // The start is kept as ticks: a batch message names it, and must find it again to the tick.
        // A row from before sweeps kept lists has no Chunks: read as 0, a sweep no batch goes on with.
        var started = new DateTimeOffset(entity.GetInt64("StartedTicks") ?? 0, TimeSpan.Zero);
        return new SweepState(started, entity.GetString("Latest") ?? string.Empty, entity.GetString("Keys") ?? string.Empty, entity.GetInt32("Chunks") ?? 0, entity.GetInt32("Next") ?? 0, entity.ETag.ToString());
    }

    public async Task<bool> TrySetAsync(SweepState next, SweepState? expected, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var entity = new TableEntity(Partition, Row) { ["StartedTicks"] = next.Started.UtcTicks, ["Latest"] = next.Latest, ["Keys"] = next.Keys, ["Chunks"] = next.Chunks, ["Next"] = next.Next };
        try
        {
            if (expected is null)
            {
                await _table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await _table.UpdateEntityAsync(entity, new ETag(expected.ETag), TableUpdateMode.Replace, cancellationToken);
            }

            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<SweepKeys> SaveKeysAsync(DateTimeOffset started, IReadOnlyList<string> keys, int perChunk, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var name = string.Create(CultureInfo.InvariantCulture, $"{started.UtcTicks:D19}-{Guid.NewGuid():N}");
        var rows = new List<TableTransactionAction>();
        var rowChars = 0;
        var chunks = 0;
        foreach (var chunk in Cut(keys, Math.Max(1, perChunk)))
        {
            if (rows.Count == MaxTransactionRows || rowChars + chunk.Length > MaxTransactionChars)
            {
                await _table.SubmitTransactionAsync(rows, cancellationToken);
                rows.Clear();
                rowChars = 0;
            }

            rows.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(KeysPrefix + name, ChunkRow(chunks)) { ["Keys"] = chunk }));
            rowChars += chunk.Length;
            chunks++;
        }

        if (rows.Count > 0)
        {
            await _table.SubmitTransactionAsync(rows, cancellationToken);
        }

        return new SweepKeys(name, chunks);
    }

    public async Task<IReadOnlyList<string>?> GetChunkAsync(string name, int chunk, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var found = await _table.GetEntityIfExistsAsync<TableEntity>(KeysPrefix + name, ChunkRow(chunk), select: ["Keys"], cancellationToken: cancellationToken);
        return found.HasValue && found.Value?.GetString("Keys") is { } text ? text.Split('\n') : null;
    }

    public Task DeleteKeysAsync(string name, CancellationToken cancellationToken) =>
        DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {KeysPrefix + name}"), null, cancellationToken);

    public Task DeleteKeysBeforeAsync(DateTimeOffset before, string keep, CancellationToken cancellationToken)
    {
        var below = string.Create(CultureInfo.InvariantCulture, $"{KeysPrefix}{before.UtcTicks:D19}");
        return DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey ge {KeysPrefix} and PartitionKey lt {below}"), KeysPrefix + keep, cancellationToken);
    }

    private async Task DeleteWhereAsync(string filter, string? keep, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var rows = new List<TableEntity>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            if (entity.PartitionKey != keep)
            {
                rows.Add(entity);
            }
        }

        // A transaction holds one partition and at most 100 rows.
        foreach (var group in rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(MaxTransactionRows)))
        {
            try
            {
                await _table.SubmitTransactionAsync(group.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)), cancellationToken);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Another handler is deleting the same list; what it leaves goes at the next sweep's start.
            }
        }
    }

    /// <summary>The keys, in order, as chunks of at most <paramref name="perChunk"/> keys and <see cref="MaxChunkChars"/> characters (one per line).</summary>
    private static IEnumerable<string> Cut(IReadOnlyList<string> keys, int perChunk)
    {
        var chunk = new List<string>();
        var chars = 0;
        foreach (var key in keys)
        {
            if (chunk.Count > 0 && (chunk.Count == perChunk || chars + 1 + key.Length > MaxChunkChars))
            {
                yield return string.Join('\n', chunk);
                chunk.Clear();
                chars = 0;
            }

            chars += (chunk.Count > 0 ? 1 : 0) + key.Length;
            chunk.Add(key);
        }

        if (chunk.Count > 0)
        {
            yield return string.Join('\n', chunk);
        }
    }

    private static string ChunkRow(int chunk) => chunk.ToString("D7", CultureInfo.InvariantCulture);
}
