using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Site.Pages;

/// <summary>
/// RSS 2.0 and Atom feeds with each post's whole article (through System.ServiceModel.Syndication's
/// formatters), the sitemap (by hand: it is not a syndication format) and robots.txt.
/// </summary>
public sealed class FeedBuilder
{
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";

    private readonly SiteReader _reader;

    public FeedBuilder(SiteReader reader)
    {
        _reader = reader;
    }

    /// <summary>feed.xml and atom.xml of the newest posts.</summary>
    public async Task<PageOutput> SiteFeedsAsync(CancellationToken ct)
    {
        var site = await _reader.SiteAsync(ct);
        var items = (await _reader.Queries.ListAsync(null, null, null, _reader.Options.FeedSize, ct)).Items;
        var bodies = await BodiesAsync(items, ct);
        var atom = new SyndicationFeed(site.Title, site.Description ?? site.Title, new Uri(site.BaseUrl + "/"))
        {
            Id = site.BaseUrl + "/",
            Language = site.Language,

            // Always set: the formatter writes the current time for a feed or entry without one.
            LastUpdatedTime = items.Count > 0 ? items.Max(i => i.Updated ?? i.Published) : DateTimeOffset.UnixEpoch,
            Items = items.Select(item => AtomEntry(site, item, bodies[item.Slug])).ToList(),
        };
        atom.Links.Add(SyndicationLink.CreateSelfLink(new Uri(site.BaseUrl + PagePaths.Atom), "application/atom+xml"));
        var rss = await RssAsync(site, items, PagePaths.Feed, site.Title, ct, bodies);
        return new PageOutput([new SiteFile(PagePaths.Atom, PageKind.Feed, SiteFiles.Atom, Write(new Atom10FeedFormatter(atom).WriteTo)), rss], []);
    }

    /// <summary>The whole site's RSS (feed.xml), as written to the site and served by <c>GET /api/feed</c>.</summary>
    public async Task<SiteFile> SiteRssAsync(CancellationToken ct)
    {
        var site = await _reader.SiteAsync(ct);
        var items = (await _reader.Queries.ListAsync(null, null, null, _reader.Options.FeedSize, ct)).Items;
        return await RssAsync(site, items, PagePaths.Feed, site.Title, ct);
    }

    public async Task<SiteFile> RssAsync(SiteView site, IReadOnlyList<ListingEntry> items, string path, string title, CancellationToken ct, IReadOnlyDictionary<string, string>? bodies = null)
    {
        bodies ??= await BodiesAsync(items, ct);
        var feed = new SyndicationFeed(title, site.Description ?? site.Title, new Uri(site.BaseUrl + "/"))
        {
            Language = site.Language,
            Items = items.Select(item => RssItem(site, item, bodies[item.Slug])).ToList(),
        };
        feed.AttributeExtensions.Add(new XmlQualifiedName("content", XNamespace.Xmlns.NamespaceName), ContentNs);

        // Written by the formatter as <a10:link rel="self">, the feed's own address (what atom:link is for in RSS).
        feed.Links.Add(SyndicationLink.CreateSelfLink(new Uri(site.BaseUrl + path), "application/rss+xml"));
        if (items.Count > 0)
        {
            feed.ElementExtensions.Add(new XElement("lastBuildDate", Rfc822(items.Max(i => i.Updated ?? i.Published))));
        }

        return new SiteFile(path, PageKind.Feed, SiteFiles.Rss, Write(new Rss20FeedFormatter(feed).WriteTo));
    }

    /// <summary>sitemap.xml (home, every public post with its last change but those marked <c>noindex</c> or canonical elsewhere, tags, authors, months) and robots.txt naming it.</summary>
    public async Task<PageOutput> SitemapAsync(CancellationToken ct)
    {
        var site = await _reader.SiteAsync(ct);
        var posts = new List<ListingEntry>();
        await foreach (var post in _reader.Queries.AllAsync(ct))
        {
            posts.Add(post);
        }

        var lists = new SortedDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            var changed = post.Updated ?? post.Published;
            var paths = post.Tags.Select(t => PagePaths.Tag(Slugs.From(t))).Append(PageKeys.ArchivePath(SiteReader.MonthOf(post.Published)));
            if (post.Author is not null && await _reader.ProfileAsync(Slugs.From(post.Author), ct) is not null)
            {
                paths = paths.Append(PagePaths.Author(Slugs.From(post.Author)));
            }

            foreach (var path in paths)
            {
                lists[path] = lists.TryGetValue(path, out var seen) && seen > changed ? seen : changed;
            }
        }

        var xml = Write(writer =>
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            Url(writer, site.BaseUrl + PagePaths.Home, posts.Count > 0 ? posts.Max(p => p.Updated ?? p.Published) : null);
            foreach (var post in posts.Where(p => p.InSitemap(site.BaseUrl)))
            {
                Url(writer, site.BaseUrl + PagePaths.Post(post.Slug), post.Updated ?? post.Published);
            }

            foreach (var (path, changed) in lists)
            {
                Url(writer, site.BaseUrl + path, changed);
            }

            writer.WriteEndElement();
        });
        var robots = $"User-agent: *\nAllow: /\n\nSitemap: {site.BaseUrl}{PagePaths.Sitemap}\n";
        return new PageOutput([new SiteFile(PagePaths.Robots, PageKind.Feed, SiteFiles.Text, robots), new SiteFile(PagePaths.Sitemap, PageKind.Feed, SiteFiles.Xml, xml)], []);
    }

    private async Task<Dictionary<string, string>> BodiesAsync(IReadOnlyList<ListingEntry> items, CancellationToken ct)
    {
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            bodies[item.Slug] = await _reader.Queries.FindAsync(item.Slug, ct) is PostLookup.Found(var found) ? found.Html : item.Excerpt;
        }

        return bodies;
    }

    private static void Url(XmlWriter writer, string loc, DateTimeOffset? lastmod)
    {
        writer.WriteStartElement("url");
        writer.WriteElementString("loc", loc);
        if (lastmod is { } changed)
        {
            writer.WriteElementString("lastmod", SiteReader.Iso(changed));
        }

        writer.WriteEndElement();
    }

    private static SyndicationItem AtomEntry(SiteView site, ListingEntry item, string body)
    {
        var url = site.BaseUrl + PagePaths.Post(item.Slug);
        var entry = new SyndicationItem(item.Title, SyndicationContent.CreateHtmlContent(body), new Uri(url), url, item.Updated ?? item.Published)
        {
            PublishDate = item.Published,
            Summary = new TextSyndicationContent(item.Excerpt),
        };
        if (item.Author is not null)
        {
            entry.Authors.Add(new SyndicationPerson { Name = item.Author });
        }

        foreach (var tag in item.Tags)
        {
            entry.Categories.Add(new SyndicationCategory(tag));
        }

        return entry;
    }

    /// <summary>
    /// An RSS item: title, link, excerpt as description, the permalink as guid, tags as categories.
    /// Two parts are written by hand as extensions. The whole article goes in content:encoded, which
    /// RSS 2.0 itself has no element for. And pubDate: the formatter writes RFC 822 dates with a
    /// "Z" zone, an obsolete military zone that feed validators flag, where readers expect "GMT".
    /// </summary>
    private static SyndicationItem RssItem(SiteView site, ListingEntry item, string body)
    {
        var url = site.BaseUrl + PagePaths.Post(item.Slug);
        var rss = new SyndicationItem { Title = new TextSyndicationContent(item.Title), Id = url, Summary = new TextSyndicationContent(item.Excerpt) };
        rss.Links.Add(SyndicationLink.CreateAlternateLink(new Uri(url)));
        foreach (var tag in item.Tags)
        {
            rss.Categories.Add(new SyndicationCategory(tag));
        }

        rss.ElementExtensions.Add(new XElement(XNamespace.Get(ContentNs) + "encoded", body));
        rss.ElementExtensions.Add(new XElement("pubDate", Rfc822(item.Published)));
        return rss;
    }

    private static string Rfc822(DateTimeOffset time) => time.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    private static string Write(Action<XmlWriter> body)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
