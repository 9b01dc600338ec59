namespace HealthFunctions.Site.Pages;

/// <summary>Builds the page a key names, from the index.</summary>
public sealed class SitePages
{
    private readonly PostPageBuilder _posts;
    private readonly ListPageBuilder _lists;
    private readonly FeedBuilder _feeds;

    public SitePages(PostPageBuilder posts, ListPageBuilder lists, FeedBuilder feeds)
    {
        _posts = posts;
        _lists = lists;
        _feeds = feeds;
    }

    public Task<PageOutput> BuildAsync(string key, CancellationToken ct) => key switch
    {
        PageKeys.Home => _lists.HomeAsync(ct),
        PageKeys.Feeds => _feeds.SiteFeedsAsync(ct),
        PageKeys.Sitemap => _feeds.SitemapAsync(ct),
        PageKeys.NotFound => _lists.NotFoundAsync(ct),
        _ when key.StartsWith(PageKeys.PostPrefix, StringComparison.Ordinal) => _posts.BuildAsync(key[PageKeys.PostPrefix.Length..], ct),
        _ when key.StartsWith(PageKeys.TagPrefix, StringComparison.Ordinal) => _lists.TagAsync(key[PageKeys.TagPrefix.Length..], ct),
        _ when key.StartsWith(PageKeys.AuthorPrefix, StringComparison.Ordinal) => _lists.AuthorAsync(key[PageKeys.AuthorPrefix.Length..], ct),
        _ when key.StartsWith(PageKeys.ArchivePrefix, StringComparison.Ordinal) => _lists.ArchiveAsync(PageKeys.ArchiveMonth(key), ct),
        _ => throw new ArgumentException($"'{key}' is not a page key.", nameof(key)),
    };
}
