namespace HealthFunctions.Site.Pages;

/// <summary>Whether the page a key names is in the site container now.</summary>
public delegate Task<bool> PageExists(string key, CancellationToken cancellationToken);

/// <summary>Builds the page a key names, from the index.</summary>
public sealed class SitePages
{
    private readonly PostPageBuilder _posts;
    private readonly ListPageBuilder _lists;
    private readonly FeedBuilder _feeds;
    private readonly SearchPageBuilder _search;

    public SitePages(PostPageBuilder posts, ListPageBuilder lists, FeedBuilder feeds, SearchPageBuilder search)
    {
        _posts = posts;
        _lists = lists;
        _feeds = feeds;
        _search = search;
    }

    /// <param name="existing">
    /// When given, the page links only to posts (and archives) whose pages exist: a first version of a
    /// list page, written before a new post's page, must not link to a page that is not there yet.
    /// </param>
    public Task<PageOutput> BuildAsync(string key, CancellationToken ct, PageExists? existing = null) => key switch
    {
        PageKeys.Home => _lists.HomeAsync(ct, existing),
        PageKeys.Feeds => _feeds.SiteFeedsAsync(ct),
        PageKeys.Sitemap => _feeds.SitemapAsync(ct),
        PageKeys.NotFound => _lists.NotFoundAsync(ct),
        _ when key.StartsWith(PageKeys.SearchPrefix, StringComparison.Ordinal) => _search.BuildAsync(PageKeys.SearchPath(key), ct, existing),
        _ when key.StartsWith(PageKeys.PostPrefix, StringComparison.Ordinal) => _posts.BuildAsync(key[PageKeys.PostPrefix.Length..], ct, existing),
        _ when key.StartsWith(PageKeys.TagPrefix, StringComparison.Ordinal) => _lists.TagAsync(key[PageKeys.TagPrefix.Length..], ct, existing),
        _ when key.StartsWith(PageKeys.AuthorPrefix, StringComparison.Ordinal) => _lists.AuthorAsync(key[PageKeys.AuthorPrefix.Length..], ct, existing),
        _ when key.StartsWith(PageKeys.ArchivePrefix, StringComparison.Ordinal) => _lists.ArchiveAsync(PageKeys.ArchiveMonth(key), ct, existing),
        _ => throw new ArgumentException($"'{key}' is not a page key.", nameof(key)),
    };
}
