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

    public async Task<PageOutput> HomeAsync(CancellationToken ct)
    {
        var site = await _reader.SiteAsync(ct);
        var page = await _reader.Queries.ListAsync(null, null, null, _reader.Options.PostsPerPage, ct);
        var next = page.ContinueAfter is null ? null : (await _reader.Queries.ListAsync(null, null, page.ContinueAfter, 1, ct)).Items.FirstOrDefault();
        var list = new ListView
        {
            Heading = "Newest posts",
            Posts = Cards(page.Items),
            Older = next is null ? null : new LinkView("Older posts", PageKeys.ArchivePath(SiteReader.MonthOf(next.Published))),
        };
        var head = new HeadView { Title = site.Title, Description = site.Description ?? site.Title, CanonicalUrl = site.BaseUrl + PagePaths.Home };
        return await ListAsync(PagePaths.Home, site, head, list, isHome: true, ct);
    }

    public async Task<PageOutput> TagAsync(string tagSlug, CancellationToken ct)
    {
        var page = await _reader.Queries.ListAsync(tagSlug, null, null, MaxListed, ct);
        if (page.Items.Count == 0)
        {
            return PageOutput.Absent;
        }

        var site = await _reader.SiteAsync(ct);
        var name = page.Items[0].Tags.FirstOrDefault(t => Slugs.From(t) == tagSlug) ?? tagSlug;
        var list = new ListView { Heading = "Posts tagged " + name, Intro = Count(page.Items.Count, page.ContinueAfter is not null), Posts = Cards(page.Items), MoreQuery = "tag=" + Uri.EscapeDataString(tagSlug) };
        var head = new HeadView { Title = $"{name} | {site.Title}", Description = $"Articles about {name} on {site.Title}.", CanonicalUrl = site.BaseUrl + PagePaths.Tag(tagSlug), FeedUrl = PagePaths.TagFeed(tagSlug) };
        var output = await ListAsync(PagePaths.Tag(tagSlug), site, head, list, isHome: false, ct);
        var feed = await _feeds.RssAsync(site, page.Items.Take(_reader.Options.FeedSize).ToList(), PagePaths.TagFeed(tagSlug), $"{site.Title}: {name}", ct);
        return output with { Files = [feed, .. output.Files] };
    }

    public async Task<PageOutput> AuthorAsync(string slug, CancellationToken ct)
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
            Posts = Cards(page.Items),
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
        return await ListAsync(PagePaths.Author(slug), site, head, list, isHome: false, ct);
    }

    public async Task<PageOutput> ArchiveAsync(DateTimeOffset month, CancellationToken ct)
    {
        var posts = await _reader.MonthAsync(month, ct);
        if (posts.Count == 0)
        {
            return PageOutput.Absent;
        }

        var site = await _reader.SiteAsync(ct);
        var before = await _reader.NewestBeforeAsync(month, ct);
        var name = month.ToString("MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var list = new ListView
        {
            Heading = "Posts from " + name,
            Intro = Count(posts.Count, more: false),
            Posts = Cards(posts),
            Older = before is null ? null : new LinkView("Older posts", PageKeys.ArchivePath(SiteReader.MonthOf(before.Published))),
        };
        var path = PageKeys.ArchivePath(month);
        var head = new HeadView { Title = $"{name} | {site.Title}", Description = $"Articles published in {name} on {site.Title}.", CanonicalUrl = site.BaseUrl + path };
        return await ListAsync(path, site, head, list, isHome: false, ct);
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

    private async Task<PageOutput> ListAsync(string path, SiteView site, HeadView head, ListView list, bool isHome, CancellationToken ct)
    {
        var view = new PageView { Site = site, Head = head, List = list, IsHome = isHome, Latest = await _reader.LatestAsync(ct) };
        var html = await _renderer.RenderAsync("list", view, ct);
        return new PageOutput([new SiteFile(path, PageKind.List, SiteFiles.Html, html)], isHome ? [] : [PageKeys.Sitemap]);
    }

    private static string Count(int count, bool more) => count == 1 ? "1 post" : more ? $"The newest {count} posts" : $"{count} posts";

    private static List<CardView> Cards(IEnumerable<ListingEntry> items) =>
        items.Select(i => new CardView(i.Title, PagePaths.Post(i.Slug), SiteReader.DateText(i.Published), SiteReader.Iso(i.Published), i.Excerpt, i.ReadingMinutes, PostPageBuilder.Tags(i.Tags))).ToList();
}
