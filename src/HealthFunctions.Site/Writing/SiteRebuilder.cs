using System.Collections.Concurrent;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Text;
using HealthFunctions.Site.Pages;
using HealthFunctions.Site.Rendering;

namespace HealthFunctions.Site.Writing;

/// <summary>What a whole-site rebuild did.</summary>
public sealed record RebuildReport(int Pages, int Written, int Removed, int Orphans, TimeSpan Elapsed);

/// <summary>Every page the index says the site has; a rebuild renders them all and removes rendered files no page owns.</summary>
public sealed class SiteRebuilder
{
    private readonly SiteReader _reader;
    private readonly ISourceRecordIndex _index;
    private readonly PageWriter _writer;
    private readonly IPageStore _store;
    private readonly TimeProvider _time;

    public SiteRebuilder(SiteReader reader, ISourceRecordIndex index, PageWriter writer, IPageStore store, TimeProvider time)
    {
        _reader = reader;
        _index = index;
        _writer = writer;
        _store = store;
        _time = time;
    }

    /// <summary>The key of every page the site has now: shared pages, the 404 and search pages, each public post, tag, author and month.</summary>
    public async Task<IReadOnlyList<string>> AllKeysAsync(CancellationToken ct)
    {
        var keys = new List<string> { PageKeys.NotFound };
        if (_reader.Options.SearchPagePath is { } search)
        {
            // No page when the search box goes to another site's search page.
            keys.Add(PageKeys.Search(search));
        }

        var lists = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var post in _reader.Queries.AllAsync(ct))
        {
            keys.Add(PageKeys.Post(post.Slug));
            lists.Add(PageKeys.Archive(SiteReader.MonthOf(post.Published)));
            foreach (var tag in post.Tags)
            {
                lists.Add(PageKeys.Tag(Slugs.From(tag)));
            }

            if (post.Author is not null)
            {
                lists.Add(PageKeys.Author(Slugs.From(post.Author)));
            }
        }

        await foreach (var source in _index.ListSourcesAsync(ct))
        {
            // Every profile has a page, whether its person writes or reviews.
            if (source.Kind == SourceKind.Author && source.State == SourceState.Published && source.Slug is { } author)
            {
                lists.Add(PageKeys.Author(author));
            }
        }

        keys.AddRange(lists);
        keys.AddRange(PageKeys.Shared);
        return keys;
    }

    /// <summary>True when every page the site has (but <paramref name="except"/>) was rendered after <paramref name="time"/>.</summary>
    public async Task<bool> AllRenderedSinceAsync(DateTimeOffset time, string except, CancellationToken ct)
    {
        var rendered = new Dictionary<string, DateTimeOffset?>(StringComparer.Ordinal);
        await foreach (var (path, renderedAt) in _store.ListAsync(ct))
        {
            rendered[path] = renderedAt;
        }

        foreach (var key in await AllKeysAsync(ct))
        {
            if (key != except && rendered.TryGetValue(PagePaths.BlobName(PageKeys.PathsOf(key)[^1]), out var at) && !(at > time))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Renders every page now, then deletes the rendered files that no page owns (posts gone, old redirects nothing points to any more are kept: aliases stay).</summary>
    public async Task<RebuildReport> RebuildAsync(int maxParallelism, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var started = _time.GetUtcNow();
        var keys = await AllKeysAsync(ct);
        var owned = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        int written = 0, removed = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxParallelism), CancellationToken = ct };
        await Parallel.ForEachAsync(keys, options, async (key, token) =>
        {
            var refresh = await _writer.RefreshAsync(key, started, allowRemove: true, token);
            Interlocked.Add(ref written, refresh.Outcome == PageOutcome.Written ? 1 : 0);
            Interlocked.Add(ref removed, refresh.Outcome == PageOutcome.Removed ? 1 : 0);
            foreach (var path in PageKeys.PathsOf(key))
            {
                owned[PagePaths.BlobName(path)] = true;
            }
        });

        var orphans = new List<string>();
        await foreach (var (path, renderedAt) in _store.ListAsync(ct))
        {
            // Theme asset versions are kept (a page cached by a reader may still name an older one).
            if (renderedAt is { } rendered && rendered < started && !owned.ContainsKey(path) && !path.StartsWith(ThemeAssetSet.Folder, StringComparison.Ordinal) && !await IsRedirectAsync(path, ct))
            {
                orphans.Add(path);
            }
        }

        foreach (var path in orphans)
        {
            await _store.DeleteAsync("/" + path, ct);
        }

        return new RebuildReport(keys.Count, written, removed, orphans.Count, clock.Elapsed);
    }

    /// <summary>Old slugs and aliases keep their redirect pages while the index keeps the alias.</summary>
    private async Task<bool> IsRedirectAsync(string blobName, CancellationToken ct)
    {
        if (!blobName.EndsWith("/index.html", StringComparison.Ordinal) || blobName.Count(c => c == '/') != 1)
        {
            return false;
        }

        var slug = blobName[..blobName.IndexOf('/')];
        return Slugs.IsValid(slug) && await _reader.Queries.FindAsync(slug, ct) is Publishing.Queries.PostLookup.Moved;
    }
}
