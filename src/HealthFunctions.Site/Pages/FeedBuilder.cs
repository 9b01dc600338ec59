using System.Globalization;
using System.Text;
using System.Xml;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Site.Pages;

/// <summary>RSS 2.0 and Atom feeds with each post's whole article, the sitemap and robots.txt.</summary>
public sealed class FeedBuilder
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
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
        var atom = Write(writer =>
        {
            writer.WriteStartElement("feed", AtomNs);
            writer.WriteAttributeString("xml", "lang", null, site.Language);
            writer.WriteElementString("title", AtomNs, site.Title);
            writer.WriteElementString("subtitle", AtomNs, site.Description ?? site.Title);
            writer.WriteElementString("id", AtomNs, site.BaseUrl + "/");
            writer.WriteElementString("updated", AtomNs, SiteReader.Iso(items.Count > 0 ? items.Max(i => i.Updated ?? i.Published) : DateTimeOffset.UnixEpoch));
            Link(writer, site.BaseUrl + PagePaths.Atom, "self");
            Link(writer, site.BaseUrl + "/", "alternate");
            foreach (var item in items)
            {
                var url = site.BaseUrl + PagePaths.Post(item.Slug);
                writer.WriteStartElement("entry", AtomNs);
                writer.WriteElementString("title", AtomNs, item.Title);
                writer.WriteElementString("id", AtomNs, url);
                Link(writer, url, "alternate");
                writer.WriteElementString("published", AtomNs, SiteReader.Iso(item.Published));
                writer.WriteElementString("updated", AtomNs, SiteReader.Iso(item.Updated ?? item.Published));
                if (item.Author is not null)
                {
                    writer.WriteStartElement("author", AtomNs);
                    writer.WriteElementString("name", AtomNs, item.Author);
                    writer.WriteEndElement();
                }

                foreach (var tag in item.Tags)
                {
                    writer.WriteStartElement("category", AtomNs);
                    writer.WriteAttributeString("term", tag);
                    writer.WriteEndElement();
                }

                writer.WriteElementString("summary", AtomNs, item.Excerpt);
                writer.WriteStartElement("content", AtomNs);
                writer.WriteAttributeString("type", "html");
                writer.WriteString(bodies[item.Slug]);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        var rss = await RssAsync(site, items, PagePaths.Feed, site.Title, ct, bodies);
        return new PageOutput([new SiteFile(PagePaths.Atom, PageKind.Feed, SiteFiles.Atom, atom), rss], []);
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
        var xml = Write(writer =>
        {
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, AtomNs);
            writer.WriteAttributeString("xmlns", "content", null, ContentNs);
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", title);
            writer.WriteElementString("link", site.BaseUrl + "/");
            writer.WriteElementString("description", site.Description ?? site.Title);
            writer.WriteElementString("language", site.Language);
            writer.WriteStartElement("atom", "link", AtomNs);
            writer.WriteAttributeString("href", site.BaseUrl + path);
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/rss+xml");
            writer.WriteEndElement();
            if (items.Count > 0)
            {
                writer.WriteElementString("lastBuildDate", Rfc822(items.Max(i => i.Updated ?? i.Published)));
            }

            foreach (var item in items)
            {
                var link = site.BaseUrl + PagePaths.Post(item.Slug);
                writer.WriteStartElement("item");
                writer.WriteElementString("title", item.Title);
                writer.WriteElementString("link", link);
                writer.WriteElementString("description", item.Excerpt);
                writer.WriteElementString("content", "encoded", ContentNs, bodies[item.Slug]);
                writer.WriteElementString("pubDate", Rfc822(item.Published));
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "true");
                writer.WriteString(link);
                writer.WriteEndElement();
                foreach (var tag in item.Tags)
                {
                    writer.WriteElementString("category", tag);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        return new SiteFile(path, PageKind.Feed, SiteFiles.Rss, xml);
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

    private static void Link(XmlWriter writer, string href, string rel)
    {
        writer.WriteStartElement("link", AtomNs);
        writer.WriteAttributeString("href", href);
        writer.WriteAttributeString("rel", rel);
        writer.WriteEndElement();
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
