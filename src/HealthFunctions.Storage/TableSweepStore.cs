using Azure;
using Azure.Data.Tables;
using HealthFunctions.Publishing;
using HealthFunctions.Site.Writing;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Storage;

/// <summary>The site sweep's state: one row (partition <c>sweep</c>, row <c>site</c>) in the index table, written under its ETag.</summary>
public sealed class TableSweepStore : ISweepStore
{
    private const string Partition = "sweep";
    private const string Row = "site";

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
        var started = new DateTimeOffset(entity.GetInt64("StartedTicks") ?? 0, TimeSpan.Zero);
        return new SweepState(started, entity.GetString("Latest") ?? string.Empty, entity.GetString("After"), entity.ETag.ToString());
    }

    public async Task<bool> TrySetAsync(SweepState next, SweepState? expected, CancellationToken cancellationToken)
    {
        await _created.EnsureAsync();
        var entity = new TableEntity(Partition, Row) { ["StartedTicks"] = next.Started.UtcTicks, ["Latest"] = next.Latest, ["After"] = next.After };
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
}
