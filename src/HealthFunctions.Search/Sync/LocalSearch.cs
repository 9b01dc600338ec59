using HealthFunctions.Search.Lucene;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Search.Sync;

/// <summary>
/// This instance's search index, kept in step with storage. On first use it loads every search
/// document (a cold start); before answering it reads the change log since its last read (one range
/// query, at most once per <see cref="SearchOptions.RefreshMilliseconds"/>) and applies it in order.
/// Nothing is written to a shared index, so instances never race over one, and a lost index is
/// only a cold start away.
/// </summary>
public sealed partial class LocalSearch : ISearchSource, IDisposable
{
    private readonly ISearchDocumentStore _store;
    private readonly TimeProvider _time;
    private readonly SearchOptions _options;
    private readonly ILogger<LocalSearch> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private LuceneSearchIndex? _index;
    private DateTimeOffset _readUpTo;
    private long _refreshedAt;

    public LocalSearch(ISearchDocumentStore store, TimeProvider time, IOptions<SearchOptions> options, ILogger<LocalSearch> logger)
    {
        _store = store;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>The index, loaded and refreshed as the options allow.</summary>
    public async Task<ISearchIndex> GetAsync(CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _index);
        if (current is not null && _time.GetElapsedTime(Volatile.Read(ref _refreshedAt)) < TimeSpan.FromMilliseconds(_options.RefreshMilliseconds))
        {
            return current;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_index is null || TooOldToCatchUp())
            {
                await LoadAsync(cancellationToken);
            }
            else if (_time.GetElapsedTime(_refreshedAt) >= TimeSpan.FromMilliseconds(_options.RefreshMilliseconds))
            {
                await CatchUpAsync(_index, cancellationToken);
            }

            return _index!;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// The index caught up with the change log now, whatever the refresh interval: for work that must
    /// see a change another instance has just written (related-posts recomputation from the queue).
    /// </summary>
    public async Task<ISearchIndex> GetCurrentAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_index is null || TooOldToCatchUp())
            {
                await LoadAsync(cancellationToken);
            }
            else
            {
                await CatchUpAsync(_index, cancellationToken);
            }

            return _index!;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>
    /// Applies a change this instance has just stored, so work that follows it here sees it at once.
    /// An index not loaded yet is left alone: its load reads the change from storage.
    /// </summary>
    public async Task ApplyAsync(SearchChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_index is null)
            {
                return;
            }

            if (change.Document is { } document)
            {
                await _index.UpsertAsync(document, cancellationToken);
            }
            else
            {
                await _index.RemoveAsync(change.Slug, cancellationToken);
            }
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Forgets the index; the next search loads it afresh from storage.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            _index?.Dispose();
            _index = null;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose()
    {
        _index?.Dispose();
        _refresh.Dispose();
    }

    /// <summary>The change log is pruned after <see cref="SearchOptions.ChangeRetentionHours"/>: past half of it, reload rather than trust it.</summary>
    private bool TooOldToCatchUp() =>
        _index is not null && _time.GetUtcNow() - _readUpTo > TimeSpan.FromHours(_options.ChangeRetentionHours) / 2;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var readFrom = _time.GetUtcNow();
        var documents = new List<SearchDocument>();
        await foreach (var document in _store.ListAsync(cancellationToken))
        {
            documents.Add(document);
        }

        var index = new LuceneSearchIndex();
        index.Load(documents);
        _readUpTo = readFrom;
        await CatchUpAsync(index, cancellationToken);
        // A replaced index is left to the garbage collector, not disposed: a search may still be reading it.
        _index = index;
        LogLoaded(documents.Count, (long)_time.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task CatchUpAsync(LuceneSearchIndex index, CancellationToken cancellationToken)
    {
        var readFrom = _time.GetUtcNow();
        var changes = await _store.ChangesSinceAsync(_readUpTo - TimeSpan.FromSeconds(_options.ChangeOverlapSeconds), cancellationToken);
        foreach (var change in changes)
        {
            if (change.Document is { } document)
            {
                await index.UpsertAsync(document, cancellationToken);
            }
            else
            {
                await index.RemoveAsync(change.Slug, cancellationToken);
            }
        }

        _readUpTo = readFrom;
        Volatile.Write(ref _refreshedAt, _time.GetTimestamp());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index loaded: {Count} posts in {Milliseconds} ms")]
    private partial void LogLoaded(int count, long milliseconds);
}
