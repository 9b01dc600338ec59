using System.Globalization;
using System.Text.Json;
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
    private readonly IPostIndex _index;
    private readonly ISiteContentStore _content;
    private readonly TimeProvider _time;
    private readonly SiteOptions _options;

    public SiteReader(PostQueries queries, IPostIndex index, ISiteContentStore content, TimeProvider time, IOptions<SiteOptions> options)
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
        var site = await _content.GetSiteAsync(ct);
        var baseUrl = (site?.BaseUrl ?? _options.BaseUrl).TrimEnd('/');
        return site is null
            ? new SiteView("Trending Health And Medical Information For Healthy Living", "Health and medical articles for healthy living.", null, "en", baseUrl, _options.SearchUrl)
            : new SiteView(site.Title, site.Description, site.AboutHtml, site.Language, baseUrl, _options.SearchUrl);
    }

    public async Task<IReadOnlyList<LatestView>> LatestAsync(CancellationToken ct)
    {
        var page = await _queries.ListAsync(null, null, null, _options.LatestPosts, ct);
        return page.Items.Select(i => new LatestView(i.Title, PagePaths.Post(i.Slug), DateText(i.Published), Iso(i.Published), i.Excerpt)).ToList();
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
    public static string? CanonicalUrl(RenderedPost post) =>
        post.Extra.TryGetValue(Publishing.Posts.FrontMatter.CanonicalUrlField, out var value) ? value switch
        {
            string text => text,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            _ => null,
        } : null;

    /// <summary>The post's <c>noindex:</c> front matter.</summary>
    public static bool NoIndex(RenderedPost post) =>
        post.Extra.TryGetValue(Publishing.Posts.FrontMatter.NoIndexField, out var value) && value switch
        {
            bool flag => flag,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            _ => false,
        };
}
