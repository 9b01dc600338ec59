using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sync;
using Microsoft.Extensions.Logging;

namespace HealthFunctions.Search.Sync;

/// <summary>
/// Keeps search in step with publishing: told every post change once its result is final, it reads
/// the post row afresh (storage is the truth, the change only a hint) and stores its search
/// document, or takes it out when the post is gone, a draft, or renamed away. Every other change
/// goes on to the notifier it wraps (the static site), which also decides about deferring.
/// </summary>
public sealed partial class SearchChangeNotifier : ISiteChangeNotifier
{
    private readonly ISiteChangeNotifier _inner;
    private readonly IPostIndex _index;
    private readonly ISearchDocumentStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger<SearchChangeNotifier> _logger;

    public SearchChangeNotifier(ISiteChangeNotifier inner, IPostIndex index, ISearchDocumentStore store, TimeProvider time, ILogger<SearchChangeNotifier> logger)
    {
        _inner = inner;
        _index = index;
        _store = store;
        _time = time;
        _logger = logger;
    }

    public async Task ChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Kind == SourceKind.Post && change.Slug is { } slug)
        {
            await SyncPostAsync(change, slug, cancellationToken);
        }

        await _inner.ChangedAsync(change, cancellationToken);
    }

    public Task<bool> TryDeferResyncAsync(IReadOnlyList<string> blobNames, CancellationToken cancellationToken) =>
        _inner.TryDeferResyncAsync(blobNames, cancellationToken);

    private async Task SyncPostAsync(ContentChange change, string slug, CancellationToken cancellationToken)
    {
        var readAt = _time.GetUtcNow();
        if (change.PreviousSlug is { } previous && previous != slug)
        {
            await _store.DeleteAsync(previous, readAt, cancellationToken);
            LogSearch(previous, "removed (renamed)");
        }

        var entry = change.Outcome == SyncOutcome.Removed ? null : await _index.GetPostAsync(slug, cancellationToken);
        if (entry is not null && entry.SourceBlob != change.BlobName)
        {
            // Another file holds the slug; its own publish keeps its document.
            return;
        }

        if (entry is null || entry.Post.Draft)
        {
            await _store.DeleteAsync(slug, readAt, cancellationToken);
            LogSearch(slug, "removed");
            return;
        }

        await _store.SaveAsync(SearchDocuments.From(entry.Post), readAt, cancellationToken);
        LogSearch(slug, "stored");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search document of {Slug} {Outcome}")]
    private partial void LogSearch(string slug, string outcome);
}
