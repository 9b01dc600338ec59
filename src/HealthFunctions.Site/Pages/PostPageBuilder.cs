using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Related;
using HealthFunctions.Publishing.Text;
using HealthFunctions.Site.Rendering;

namespace HealthFunctions.Site.Pages;

/// <summary>Builds a post's page, or the redirect page left at an old slug or alias.</summary>
public sealed class PostPageBuilder
{
    private readonly SiteReader _reader;
    private readonly PageRenderer _renderer;
    private readonly RelatedPostsReader _related;
    private readonly IRelatedPostStore _relatedStore;

    public PostPageBuilder(SiteReader reader, PageRenderer renderer, RelatedPostsReader related, IRelatedPostStore relatedStore)
    {
        _reader = reader;
        _renderer = renderer;
        _related = related;
        _relatedStore = relatedStore;
    }

    /// <param name="existing">When given, the previous/next links, related posts and Latest Posts name only posts whose pages exist (this one counts as existing).</param>
    public async Task<PageOutput> BuildAsync(string slug, CancellationToken ct, PageExists? existing = null)
    {
        var lookup = await _reader.Queries.FindAsync(slug, ct);
        var site = await _reader.SiteAsync(ct);
        switch (lookup)
        {
            case PostLookup.Found(var found):
                return await PostAsync(found, site, existing, ct);
            case PostLookup.Moved(var target):
                var url = PagePaths.Post(target);
                var view = new PageView
                {
                    Site = site,
                    Head = new HeadView { Title = "Moved", Description = string.Empty, CanonicalUrl = site.BaseUrl + url, NoIndex = true },
                    RedirectUrl = url,
                };
                var html = await _renderer.RenderDocumentAsync("redirect", view, ct);
                return new PageOutput([new SiteFile(PagePaths.Post(slug), PageKind.Redirect, SiteFiles.Html, html)], []);
            default:
                return PageOutput.Absent;
        }
    }

    private async Task<PageOutput> PostAsync(PublishedPost found, SiteView site, PageExists? existing, CancellationToken ct)
    {
        var post = found.Entry.Post;
        var path = PagePaths.Post(post.Slug);
        var author = await _reader.PersonAsync(post.Author, site.BaseUrl, ct);
        var reviewer = await _reader.PersonAsync(post.ReviewedBy, site.BaseUrl, ct);
        var (newer, older) = await _reader.NeighboursAsync(post, ct);
        PageExists? linkable = existing is null ? null : (key, token) => key == PageKeys.Post(post.Slug) ? Task.FromResult(true) : existing(key, token);
        if (linkable is not null)
        {
            newer = newer is not null && await linkable(PageKeys.Post(newer.Slug), ct) ? newer : null;
            older = older is not null && await linkable(PageKeys.Post(older.Slug), ct) ? older : null;
        }
        var pageUrl = site.BaseUrl + path;
        var jsonLd = StructuredData.For(post, pageUrl, author?.Ld, reviewer?.Ld, site.Title, site.Language);
        var image = post.Image is null ? null : new ImageView(post.Image, post.ImageAlt, post.ImageWidth, post.ImageHeight);
        // Whether the post is in the box is decided on the whole box, whatever this version shows of it.
        var latest = await _reader.LatestAsync(ct);
        var related = await _related.ReadAsync(post.Slug, ct);
        if (linkable is not null)
        {
            var shown = new List<RelatedLink>(related.Count);
            foreach (var item in related)
            {
                if (await linkable(PageKeys.Post(item.Slug), ct))
                {
                    shown.Add(item);
                }
            }

            related = shown;
        }

        var view = new PageView
        {
            Site = site,
            Latest = linkable is null ? latest : await _reader.LatestAsync(ct, linkable),
            Head = new HeadView
            {
                Title = post.Title + " | " + site.Title,
                Description = post.Description,
                CanonicalUrl = SiteReader.CanonicalUrl(post) ?? pageUrl,
                OgType = "article",
                Image = image,
                PublishedTime = SiteReader.Iso(post.Published),
                ModifiedTime = SiteReader.Iso(post.Updated ?? post.Published),
                Author = author?.View.Name,
                Tags = post.Tags,
                NoIndex = SiteReader.NoIndex(post),
                JsonLdHtml = StructuredData.ScriptText(jsonLd),
            },
            Post = new PostView
            {
                Title = post.Title,
                BodyHtml = found.Html,
                Date = SiteReader.DateText(post.Published),
                DateIso = SiteReader.Iso(post.Published),
                Updated = post.Updated is { } updated && updated.Date != post.Published.Date ? SiteReader.DateText(updated) : null,
                UpdatedIso = post.Updated is { } u ? SiteReader.Iso(u) : null,
                ReadingMinutes = post.ReadingMinutes,
                WordCount = post.WordCount,
                Tags = Tags(post.Tags),
                References = post.References.Select(r => new LinkView(r.Title, r.Url?.ToString() ?? string.Empty)).ToList(),
                Image = image,
                Author = author?.View,
                Reviewer = reviewer?.View,
                Reviewed = post.LastReviewed is { } reviewed && reviewer is not null ? SiteReader.DateText(reviewed) : null,
                ReviewedIso = post.LastReviewed is { } r2 ? SiteReader.Iso(r2) : null,
                Newer = newer is null ? null : new LinkView(newer.Title, PagePaths.Post(newer.Slug)),
                Older = older is null ? null : new LinkView(older.Title, PagePaths.Post(older.Slug)),
                Related = related.Select(r => new LinkView(r.Title, PagePaths.Post(r.Slug))).ToList(),
            },
        };
        var html = await _renderer.RenderAsync("post", view, ct);
        var linkedFrom = LinkedFrom(post.Slug, post.Published, post.Tags, author?.Profile?.Slug, newer, older);
        // Posts whose related lists name this one link here too: rewritten first when it goes, and when its title changes.
        var listers = await _relatedStore.NamingAsync(post.Slug, ct);
        linkedFrom = [.. linkedFrom, .. listers.Where(s => s != post.Slug && Slugs.IsValid(s)).Select(PageKeys.Post)];
        if (latest.Any(item => item.Url == path))
        {
            linkedFrom = [.. linkedFrom, PageKeys.Sidebar];
        }

        return new PageOutput([new SiteFile(path, PageKind.Post, SiteFiles.Html, html)], linkedFrom);
    }

    /// <summary>Every page that links to a post: the shared pages, its tags, author and month, and its neighbours.</summary>
    public static IReadOnlyList<string> LinkedFrom(string slug, DateTimeOffset published, IEnumerable<string> tags, string? authorSlug, ListingEntry? newer, ListingEntry? older)
    {
        var keys = new List<string>(PageKeys.Shared) { PageKeys.Archive(SiteReader.MonthOf(published)) };
        keys.AddRange(tags.Select(t => PageKeys.Tag(Slugs.From(t))).Distinct(StringComparer.Ordinal));
        if (authorSlug is not null)
        {
            keys.Add(PageKeys.Author(authorSlug));
        }

        keys.AddRange(new[] { newer, older }.OfType<ListingEntry>().Where(n => n.Slug != slug).Select(n => PageKeys.Post(n.Slug)));
        return keys;
    }

    public static IReadOnlyList<LinkView> Tags(IEnumerable<string> tags) =>
        tags.Select(t => new LinkView(t, PagePaths.Tag(Slugs.From(t)))).ToList();
}
