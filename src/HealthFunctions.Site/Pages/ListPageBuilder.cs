using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Text;
using HealthFunctions.Site.Rendering;

namespace HealthFunctions.Site.Pages;

/// <summary>Builds the pages that list posts: home, a tag, an author, a month; and the 404 page.</summary>
public sealed class ListPageBuilder
{
    /// <summary>Most posts a tag or author page lists; older ones are in the date archives and the API.</summary>
    public const int MaxListed = 50;

    private readonly SiteReader _reader;
    private readonly PageRenderer _renderer;
    private readonly FeedBuilder _feeds;

    public ListPageBuilder(SiteReader reader, PageRenderer renderer, FeedBuilder feeds)
    {
        _reader = reader;
        _renderer = renderer;
        _feeds = feeds;
    }

    public async Task<PageOutput> HomeAsync(CancellationToken ct, PageExists? existing = null)
    {
        var site = await _reader.SiteAsync(ct);
        var page = await _reader.Queries.ListAsync(null, null, null, _reader.Options.PostsPerPage, ct);
        var next = page.ContinueAfter is null ? null : (await _reader.Queries.ListAsync(null, null, page.ContinueAfter, 1, ct)).Items.FirstOrDefault();
        var list = new ListView
        {
            Heading = "Newest posts",
            Posts = Cards(await SiteReader.WithPagesAsync(page.Items, existing, ct)),
            Older = await OlderAsync(next, existing, ct),
        };
        var head = new HeadView { Title = site.Title, Description = site.Description ?? site.Title, CanonicalUrl = site.BaseUrl + PagePaths.Home };
        return await ListAsync(PagePaths.Home, site, head, list, isHome: true, existing, ct);
    }

    public async Task<PageOutput> TagAsync(string tagSlug, CancellationToken ct, PageExists? existing = null)
    {
        var page = await _reader.Queries.ListAsync(tagSlug, null, null, MaxListed, ct);
        if (page.Items.Count == 0)
        {
            return PageOutput.Absent;
        }

        var site = await _reader.SiteAsync(ct);
        var name = page.Items[0].Tags.FirstOrDefault(t => Slugs.From(t) == tagSlug) ?? tagSlug;
        var items = await SiteReader.WithPagesAsync(page.Items, existing, ct);
        var list = new ListView { Heading = "Posts tagged " + name, Intro = Count(items.Count, page.ContinueAfter is not null), Posts = Cards(items), MoreQuery = "tag=" + Uri.EscapeDataString(tagSlug) };
        var head = new HeadView { Title = $"{name} | {site.Title}", Description = $"Articles about {name} on {site.Title}.", CanonicalUrl = site.BaseUrl + PagePaths.Tag(tagSlug), FeedUrl = PagePaths.TagFeed(tagSlug) };
        var output = await ListAsync(PagePaths.Tag(tagSlug), site, head, list, isHome: false, existing, ct);
        var feed = await _feeds.RssAsync(site, items.Take(_reader.Options.FeedSize).ToList(), PagePaths.TagFeed(tagSlug), $"{site.Title}: {name}", ct);
        return output with { Files = [feed, .. output.Files] };
    }

    public async Task<PageOutput> AuthorAsync(string slug, CancellationToken ct, PageExists? existing = null)
    {
        var profile = await _reader.ProfileAsync(slug, ct);
        if (profile is null)
        {
            return PageOutput.Absent;
        }

        var site = await _reader.SiteAsync(ct);
        var page = await _reader.Queries.ListAsync(null, slug, null, MaxListed, ct);
        var list = new ListView
        {
            Heading = profile.Name,
            Profile = new PersonView(profile.Name, profile.Credentials, profile.Avatar, profile.AvatarWidth, profile.AvatarHeight, PagePaths.Author(slug)),
            ProfileBioHtml = profile.BioHtml,
            ProfileLinks = profile.Links.Where(l => l.Url is not null).Select(l => new LinkView(l.Title, l.Url!.ToString())).ToList(),
            Posts = Cards(await SiteReader.WithPagesAsync(page.Items, existing, ct)),
            MoreQuery = "author=" + Uri.EscapeDataString(slug),
        };
        var head = new HeadView
        {
            Title = $"{profile.Name} | {site.Title}",
            Description = profile.Credentials is null ? $"Articles by {profile.Name}." : $"Articles by {profile.Name}, {profile.Credentials}.",
            CanonicalUrl = site.BaseUrl + PagePaths.Author(slug),
            OgType = "profile",
            Image = profile.Avatar is null ? null : new ImageView(profile.Avatar, null, profile.AvatarWidth, profile.AvatarHeight),
        };
        return await ListAsync(PagePaths.Author(slug), site, head, list, isHome: false, existing, ct);
    }

    public async Task<PageOutput> ArchiveAsync(DateTimeOffset month, CancellationToken ct, PageExists? existing = null)
    {
        var posts = await _reader.MonthAsync(month, ct);
        if (posts.Count == 0)
        {
            return PageOutput.Absent;
        }

        var site = await _reader.SiteAsync(ct);
        var before = await _reader.NewestBeforeAsync(month, ct);
        var name = month.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var shown = await SiteReader.WithPagesAsync(posts, existing, ct);
        var list = new ListView
        {
            Heading = "Posts from " + name,
            Intro = Count(shown.Count, more: false),
            Posts = Cards(shown),
            Older = await OlderAsync(before, existing, ct),
        };
        var path = PageKeys.ArchivePath(month);
        var head = new HeadView { Title = $"{name} | {site.Title}", Description = $"Articles published in {name} on {site.Title}.", CanonicalUrl = site.BaseUrl + path };
        return await ListAsync(path, site, head, list, isHome: false, existing, ct);
    }

    public async Task<PageOutput> NotFoundAsync(CancellationToken ct)
    {
        var site = await _reader.SiteAsync(ct);
        var view = new PageView
        {
            Site = site,
            Latest = await _reader.LatestAsync(ct),
            Head = new HeadView { Title = "Page not found | " + site.Title, Description = "There is no page at this address.", CanonicalUrl = site.BaseUrl + PagePaths.NotFound, NoIndex = true },
        };
        var html = await _renderer.RenderAsync("notfound", view, ct);
        return new PageOutput([new SiteFile(PagePaths.NotFound, PageKind.NotFound, SiteFiles.Html, html)], []);
    }

    /// <summary>The "Older posts" link to the month of <paramref name="next"/>, when that month's page may be linked to.</summary>
    private static async Task<LinkView?> OlderAsync(ListingEntry? next, PageExists? existing, CancellationToken ct)
    {
        if (next is null)
        {
            return null;
        }

        var month = SiteReader.MonthOf(next.Published);
        return existing is null || await existing(PageKeys.Archive(month), ct) ? new LinkView("Older posts", PageKeys.ArchivePath(month)) : null;
    }

    private async Task<PageOutput> ListAsync(string path, SiteView site, HeadView head, ListView list, bool isHome, PageExists? existing, CancellationToken ct)
    {
        var view = new PageView { Site = site, Head = head, List = list, IsHome = isHome, Latest = await _reader.LatestAsync(ct, existing) };
        var html = await _renderer.RenderAsync("list", view, ct);
        return new PageOutput([new SiteFile(path, PageKind.List, SiteFiles.Html, html)], isHome ? [] : [PageKeys.Sitemap]);
    }

    private static string? Count(int count, bool more) => count == 0 ? null : count == 1 ? "1 post" : more ? $"The newest {count} posts" : $"{count} posts";

    private static List<CardView> Cards(IEnumerable<ListingEntry> items) =>
        items.Select(i => new CardView(i.Title, PagePaths.Post(i.Slug), SiteReader.DateText(i.Published), SiteReader.Iso(i.Published), i.Excerpt, i.ReadingMinutes, PostPageBuilder.Tags(i.Tags))).ToList();
}
