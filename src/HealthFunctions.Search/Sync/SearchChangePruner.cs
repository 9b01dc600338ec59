using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Search.Sync;

/// <summary>
/// Drops change-log rows older than <see cref="SearchOptions.ChangeRetentionHours"/>. Called after
/// publishes, it does the work at most once per <see cref="Interval"/> on each instance, so the log
/// stays short without a timer of its own. The documents hold the state; the log is only for catching up.
/// </summary>
public sealed partial class SearchChangePruner
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    private readonly ISearchDocumentStore _store;
    private readonly TimeProvider _time;
    private readonly SearchOptions _options;
    private readonly ILogger<SearchChangePruner> _logger;
    private long _lastTicks = long.MinValue;

    public SearchChangePruner(ISearchDocumentStore store, TimeProvider time, IOptions<SearchOptions> options, ILogger<SearchChangePruner> logger)
    {
        _store = store;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>Prunes when the last pruning here is at least <see cref="Interval"/> ago; true when it did.</summary>
    public async Task<bool> MaybePruneAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var last = Interlocked.Read(ref _lastTicks);
        if (last != long.MinValue && now.UtcTicks - last < Interval.Ticks)
        {
            return false;
        }

        if (Interlocked.CompareExchange(ref _lastTicks, now.UtcTicks, last) != last)
        {
            // Another publish on this instance is pruning.
            return false;
        }

        var before = now - TimeSpan.FromHours(_options.ChangeRetentionHours);
        await _store.PruneChangesAsync(before, cancellationToken);
        LogPruned(before);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search change log pruned before {Before}")]
    private partial void LogPruned(DateTimeOffset before);
}
