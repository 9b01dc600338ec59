using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Search.Related;
using Microsoft.Extensions.Logging;

namespace HealthFunctions.Search.Sync;

/// <summary>
/// Keeps search in step with publishing: told every post change once its result is final, it reads
/// the post row afresh (storage is the truth, the change only a hint) and stores its search
/// document, or takes it out when the post is gone, a draft, or renamed away. Every other change
/// goes on to the notifier it wraps (the static site), which also decides about deferring.
/// Between the two it brings the related-posts lists up to date (<see cref="RelatedPostsUpdater"/>),
/// so the post's page, written next, shows its new list. With Azure AI Search as the provider each
/// stored change is also applied to that index (<see cref="ISearchMirror"/>).
/// </summary>
public sealed partial class SearchChangeNotifier : ISiteChangeNotifier
{
    private readonly ISiteChangeNotifier _inner;
    private readonly IPostIndexReader _index;
    private readonly ISearchDocumentStore _store;
    private readonly LocalSearch _search;
    private readonly ISearchMirror _mirror;
    private readonly RelatedPostsUpdater _related;
    private readonly SearchChangePruner _pruner;
    private readonly TimeProvider _time;
    private readonly ILogger<SearchChangeNotifier> _logger;

    public SearchChangeNotifier(ISiteChangeNotifier inner, IPostIndexReader index, ISearchDocumentStore store, LocalSearch search, ISearchMirror mirror, RelatedPostsUpdater related, SearchChangePruner pruner, TimeProvider time, ILogger<SearchChangeNotifier> logger)
    {
        _inner = inner;
        _index = index;
        _store = store;
        _search = search;
        _mirror = mirror;
        _related = related;
        _pruner = pruner;
        _time = time;
        _logger = logger;
    }

    public async Task ChangedAsync(ContentChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        IReadOnlyList<string> relatedChanged = [];
        if (change.Kind == SourceKind.Post && change.Slug is { } slug)
        {
            if (await SyncPostAsync(change, slug, cancellationToken))
            {
                relatedChanged = await _related.PostChangedAsync(slug, change.PreviousSlug, cancellationToken);
            }

            await _pruner.MaybePruneAsync(cancellationToken);
        }

        // The post's own page first (the site writes it in this run), then the pages whose related
        // posts now link it: a page is written before any page links to it.
        await _inner.ChangedAsync(change, cancellationToken);
        await _related.PagesChangedAsync(relatedChanged, cancellationToken);
    }

    public Task<bool> TryDeferResyncAsync(IReadOnlyList<string> blobNames, CancellationToken cancellationToken) =>
        _inner.TryDeferResyncAsync(blobNames, cancellationToken);

    /// <summary>Stores the post's search document (or its removal) and applies it here; false when another file holds the slug.</summary>
    private async Task<bool> SyncPostAsync(ContentChange change, string slug, CancellationToken cancellationToken)
    {
        var readAt = _time.GetUtcNow();
        if (change.PreviousSlug is { } previous && previous != slug)
        {
            await _store.DeleteAsync(previous, readAt, cancellationToken);
            await ApplyAsync(new SearchChange(previous, readAt, null), cancellationToken);
            LogSearch(previous, "removed (renamed)");
        }

        var entry = change.Outcome == SyncOutcome.Removed ? null : await _index.GetPostAsync(slug, cancellationToken);
        if (entry is not null && entry.SourceBlob != change.BlobName)
        {
            // Another file holds the slug; its own publish keeps its document.
            return false;
        }

        if (entry is null || entry.Post.Draft)
        {
            await _store.DeleteAsync(slug, readAt, cancellationToken);
            await ApplyAsync(new SearchChange(slug, readAt, null), cancellationToken);
            LogSearch(slug, "removed");
            return true;
        }

        var document = SearchDocuments.From(entry.Post);
        await _store.SaveAsync(document, readAt, cancellationToken);
        await ApplyAsync(new SearchChange(slug, readAt, document), cancellationToken);
        LogSearch(slug, "stored");
        return true;
    }

    private async Task ApplyAsync(SearchChange change, CancellationToken cancellationToken)
    {
        await _search.ApplyAsync(change, cancellationToken);
        await _mirror.ApplyAsync(change, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search document of {Slug} {Outcome}")]
    private partial void LogSearch(string slug, string outcome);
}
