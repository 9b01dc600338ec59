using HealthFunctions.Publishing.Related;
using HealthFunctions.Search.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Search.Related;

/// <summary>
/// Keeps the stored related-posts lists right when a post changes. The lists that may change are the
/// post's own, those that named it (or its old slug) before, and those of the posts its new list
/// names (the post may now belong in theirs). A publish recomputes the first
/// <see cref="RelatedOptions.InlineLimit"/> of them itself and sends the rest through the queue.
/// Every recomputation reads the index as it is when it runs and replaces the stored list, so
/// messages are safe to repeat and to run in any order; an unchanged list is not written.
/// </summary>
public sealed partial class RelatedPostsUpdater
{
    private readonly LocalSearch _search;
    private readonly IRelatedPostStore _store;
    private readonly IRelatedQueue _queue;
    private readonly IRelatedListsChanged _pages;
    private readonly TimeProvider _time;
    private readonly RelatedOptions _options;
    private readonly ILogger<RelatedPostsUpdater> _logger;

    public RelatedPostsUpdater(LocalSearch search, IRelatedPostStore store, IRelatedQueue queue, IRelatedListsChanged pages, TimeProvider time, IOptions<RelatedOptions> options, ILogger<RelatedPostsUpdater> logger)
    {
        _search = search;
        _store = store;
        _queue = queue;
        _pages = pages;
        _time = time;
        _options = options.Value;
        _logger = logger;
    }

    /// <summary>
    /// After <paramref name="slug"/>'s search document was stored and applied here. Returns the other
    /// posts whose lists changed, for <see cref="PagesChangedAsync"/> once the post's own page is
    /// written (so no page links the post before its page exists); that page is left to the publish
    /// that called.
    /// </summary>
    public async Task<IReadOnlyList<string>> PostChangedAsync(string slug, string? previousSlug, CancellationToken cancellationToken)
    {
        var index = await _search.GetAsync(cancellationToken);
        var affected = new List<string> { slug };
        if (previousSlug is not null && previousSlug != slug)
        {
            affected.Add(previousSlug);
            affected.AddRange(await _store.NamingAsync(previousSlug, cancellationToken));
        }

        affected.AddRange(await _store.NamingAsync(slug, cancellationToken));
        var own = await ComputeAsync(index, slug, cancellationToken);
        affected.AddRange(own.Select(l => l.Slug));
        var distinct = affected.Distinct(StringComparer.Ordinal).ToList();

        var changed = new List<string>();
        foreach (var lister in distinct.Take(_options.InlineLimit))
        {
            var list = lister == slug ? own : await ComputeAsync(index, lister, cancellationToken);
            if (await _store.SaveAsync(lister, list, cancellationToken) && lister != slug)
            {
                changed.Add(lister);
            }
        }

        var rest = distinct.Skip(_options.InlineLimit).ToList();
        if (rest.Count > 0)
        {
            await _queue.SendAsync(rest.Chunk(_options.BatchSize).Select(batch => new RelatedMessage(batch)), cancellationToken);
            LogQueued(slug, rest.Count);
        }

        LogUpdated(slug, Math.Min(distinct.Count, _options.InlineLimit), changed.Count);
        return changed;
    }

    /// <summary>Has the pages of posts whose related lists changed rewritten.</summary>
    public Task PagesChangedAsync(IReadOnlyList<string> slugs, CancellationToken cancellationToken) =>
        _pages.ChangedAsync(slugs, cancellationToken);

    /// <summary>Recomputes the lists of <paramref name="slugs"/> (a queue message) and has the pages of those that changed rewritten.</summary>
    public async Task RecomputeAsync(IReadOnlyList<string> slugs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(slugs);
        var index = await _search.GetCurrentAsync(cancellationToken);
        var changed = new List<string>();
        foreach (var slug in slugs.Distinct(StringComparer.Ordinal))
        {
            if (await _store.SaveAsync(slug, await ComputeAsync(index, slug, cancellationToken), cancellationToken))
            {
                changed.Add(slug);
            }
        }

        await _pages.ChangedAsync(changed, cancellationToken);
        LogRecomputed(slugs.Count, changed.Count);
    }

    private async Task<IReadOnlyList<RelatedLink>> ComputeAsync(ISearchIndex index, string slug, CancellationToken cancellationToken)
    {
        var related = await index.RelatedAsync(slug, _time.GetUtcNow(), RelatedPostsReader.MaxCount, cancellationToken);
        return related.Select(r => new RelatedLink(r.Slug, r.Title, r.Published, r.Expires)).ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Related posts after {Slug} changed: {Recomputed} lists recomputed, {Changed} other pages to rewrite")]
    private partial void LogUpdated(string slug, int recomputed, int changed);

    [LoggerMessage(Level = LogLevel.Information, Message = "Related posts after {Slug} changed: {Count} more lists sent to the queue")]
    private partial void LogQueued(string slug, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Related posts recomputed from the queue: {Count} lists, {Changed} changed")]
    private partial void LogRecomputed(int count, int changed);
}
