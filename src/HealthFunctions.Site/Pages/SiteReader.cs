using System.Globalization;
using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Text;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Site.Pages;

/// <summary>
/// What pages show, read from the same index and queries the API answers from, so a page and the
/// API never disagree about a post.
/// </summary>
public sealed class SiteReader
{
    private readonly PostQueries _queries;
    private readonly IPostIndexReader _index;
    private readonly ISiteContentStore _content;
    private readonly TimeProvider _time;
    private readonly SiteOptions _options;

    public SiteReader(PostQueries queries, IPostIndexReader index, ISiteContentStore content, TimeProvider time, IOptions<SiteOptions> options)
    {
        _queries = queries;
        _index = index;
        _content = content;
        _time = time;
        _options = options.Value;
    }

    public SiteOptions Options => _options;

    public PostQueries Queries => _queries;

    public DateTimeOffset Now => _time.GetUtcNow();

    public async Task<SiteView> SiteAsync(CancellationToken ct)
    {
        return _options.Resolve(await _content.GetSiteAsync(ct));
    }

    /// <summary>The "Latest Posts" box; with <paramref name="existing"/>, only the posts whose pages exist.</summary>
    public async Task<IReadOnlyList<LatestView>> LatestAsync(CancellationToken ct, PageExists? existing = null)
    {
        var page = await _queries.ListAsync(null, null, null, _options.LatestPosts, ct);
        var items = await WithPagesAsync(page.Items, existing, ct);
        return items.Select(i => new LatestView(i.Title, PagePaths.Post(i.Slug), DateText(i.Published), Iso(i.Published), i.Excerpt)).ToList();
    }

    /// <summary>A short digest of what "Latest Posts" shows: equal digests, equal boxes on every page.</summary>
    public static string Fingerprint(IReadOnlyList<LatestView> latest)
    {
        var text = string.Join('\n', latest.Select(l => string.Join('\t', l.Title, l.Url, l.DateIso, l.Excerpt)));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32];
    }

    /// <summary>The posts of <paramref name="items"/> whose pages exist (all of them when <paramref name="existing"/> is null).</summary>
    public static async Task<IReadOnlyList<ListingEntry>> WithPagesAsync(IReadOnlyList<ListingEntry> items, PageExists? existing, CancellationToken ct)
    {
        if (existing is null)
        {
            return items;
        }

        var kept = new List<ListingEntry>(items.Count);
        foreach (var item in items)
        {
            if (await existing(PageKeys.Post(item.Slug), ct))
            {
                kept.Add(item);
            }
        }

        return kept;
    }

    /// <summary>A person named in front matter, with their profile when one exists.</summary>
    public async Task<(PersonView View, LdPerson Ld, AuthorProfile? Profile)?> PersonAsync(string? nameOrSlug, string baseUrl, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(nameOrSlug))
        {
            return null;
        }

        var profile = await _content.GetAuthorAsync(Slugs.From(nameOrSlug), ct);
        if (profile is null)
        {
            return (new PersonView(nameOrSlug, null, null, null, null, null), new LdPerson(nameOrSlug, null, null, null), null);
        }

        var url = PagePaths.Author(profile.Slug);
        return (new PersonView(profile.Name, profile.Credentials, profile.Avatar, profile.AvatarWidth, profile.AvatarHeight, url), new LdPerson(profile.Name, profile.Credentials, profile.Avatar, baseUrl + url), profile);
    }

    public Task<AuthorProfile?> ProfileAsync(string slug, CancellationToken ct) => _content.GetAuthorAsync(slug, ct);

    /// <summary>
    /// The posts either side of <paramref name="post"/> in the public listing. The older one is one
    /// one-row query; the newer one is read by walking the newest posts down to this one, which
    /// costs a query per 999 newer posts.
    /// </summary>
    public async Task<(ListingEntry? Newer, ListingEntry? Older)> NeighboursAsync(RenderedPost post, CancellationToken ct)
    {
        var row = ListingKeys.RowKey(post.Published, post.Slug);
        var now = _time.GetUtcNow();
        var older = (await _index.QueryListingAsync(ListingKeys.AllPosts, row, now, 1, ct)).Items.FirstOrDefault();
        ListingEntry? newer = null;
        string? after = null;
        do
        {
            var page = await _index.QueryListingAsync(ListingKeys.AllPosts, after, now, 999, ct);
            foreach (var item in page.Items)
            {
                if (string.CompareOrdinal(item.Key.Row, row) >= 0)
                {
                    return (newer, older);
                }

                newer = item;
            }

            after = page.ContinueAfter;
        }
        while (after is not null);
        return (newer, older);
    }

    /// <summary>The public posts of one listing partition published in the month that starts at <paramref name="monthStart"/>.</summary>
    public async Task<IReadOnlyList<ListingEntry>> MonthAsync(DateTimeOffset monthStart, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var items = new List<ListingEntry>();
        string? after = ListingKeys.RowKeyFloor(monthStart.AddMonths(1)) + "-~";
        while (after is not null)
        {
            var page = await _index.QueryListingAsync(ListingKeys.AllPosts, after, now, 100, ct);
            foreach (var item in page.Items)
            {
                if (item.Published < monthStart)
                {
                    return items;
                }

                if (item.Published <= now)
                {
                    items.Add(item);
                }
            }

            after = page.ContinueAfter;
        }

        return items;
    }

    /// <summary>The newest public post published before <paramref name="time"/>, if any.</summary>
    public async Task<ListingEntry?> NewestBeforeAsync(DateTimeOffset time, CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var after = ListingKeys.RowKeyFloor(time) + "-~";
        var page = await _index.QueryListingAsync(ListingKeys.AllPosts, after, now, 1, ct);
        return page.Items.FirstOrDefault(i => i.Published <= now);
    }

    public static DateTimeOffset MonthOf(DateTimeOffset time) => new(time.UtcDateTime.Year, time.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A date as readers see it: <c>23 November 2022</c>.</summary>
    public static string DateText(DateTimeOffset time) => time.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The post's <c>canonicalUrl:</c> front matter, if given.</summary>
    public static string? CanonicalUrl(RenderedPost post) => PostIndexing.CanonicalUrl(post);

    /// <summary>The post's <c>noindex:</c> front matter.</summary>
    public static bool NoIndex(RenderedPost post) => PostIndexing.NoIndex(post);
}
