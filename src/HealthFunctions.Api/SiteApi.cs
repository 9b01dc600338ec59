using System.Globalization;
using System.Text;
using System.Xml;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Api;

/// <summary>Site-wide endpoints built from the public listing: tags with counts, the RSS feed, the sitemap and the OpenAPI description.</summary>
public sealed class SiteApi
{
    public const int FeedSize = 20;

    private readonly PostQueries _queries;
    private readonly SiteInfoReader _site;
    private readonly ApiOptions _options;
    private readonly ApiFailures _failures;

    public SiteApi(PostQueries queries, SiteInfoReader site, IOptions<ApiOptions> options, ApiFailures failures)
    {
        _failures = failures;
        _queries = queries;
        _site = site;
        _options = options.Value;
    }

    /// <summary><c>GET /api/tags</c>: every tag of a public post with its post count, most used first.</summary>
    public Task<ApiResponse> TagsAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => TagCountsAsync(request, cancellationToken));

    private async Task<ApiResponse> TagCountsAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (new QueryReader(request).Error is { } error)
        {
            return error;
        }

        var counts = new Dictionary<string, (string Tag, int Count)>(StringComparer.Ordinal);
        await foreach (var post in _queries.AllAsync(cancellationToken))
        {
            foreach (var tag in post.Tags)
            {
                var slug = Slugs.From(tag);
                counts[slug] = counts.TryGetValue(slug, out var seen) ? (seen.Tag, seen.Count + 1) : (tag, 1);
            }
        }

        var items = counts
            .Select(pair => new TagCount(pair.Value.Tag, pair.Key, pair.Value.Count))
            .OrderByDescending(t => t.Count)
            .ThenBy(t => t.Slug, StringComparer.Ordinal)
            .ToList();
        return ApiResponse.Ok(new TagList(items), TimeSpan.FromSeconds(_options.ListingMaxAgeSeconds));
    }

    /// <summary><c>GET /api/feed</c>: RSS 2.0 with the newest posts.</summary>
    public Task<ApiResponse> FeedAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => RssAsync(request, cancellationToken));

    private async Task<ApiResponse> RssAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (new QueryReader(request).Error is { } error)
        {
            return error;
        }

        var page = await _queries.ListAsync(null, null, null, FeedSize, cancellationToken);
        var info = await _site.GetAsync(cancellationToken);
        var site = SiteUrl(request, info);
        var xml = Write(writer =>
        {
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", info.Title);
            writer.WriteElementString("link", site + "/");
            writer.WriteElementString("description", info.Description ?? info.Title);
            writer.WriteElementString("language", info.Language);
            writer.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            writer.WriteAttributeString("href", $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}");
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/rss+xml");
            writer.WriteEndElement();
            if (page.Items.Count > 0)
            {
                writer.WriteElementString("lastBuildDate", Rfc822(page.Items.Max(i => i.Updated ?? i.Published)));
            }

            foreach (var post in page.Items)
            {
                var link = PostLink(site, post.Slug);
                writer.WriteStartElement("item");
                writer.WriteElementString("title", post.Title);
                writer.WriteElementString("link", link);
                writer.WriteElementString("description", post.Excerpt);
                writer.WriteElementString("pubDate", Rfc822(post.Published));
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "true");
                writer.WriteString(link);
                writer.WriteEndElement();
                foreach (var tag in post.Tags)
                {
                    writer.WriteElementString("category", tag);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        });
        var newest = page.Items.Count > 0 ? page.Items.Max(i => i.Updated ?? i.Published) : (DateTimeOffset?)null;
        return ApiResponse.Content(xml, "application/rss+xml; charset=utf-8", TimeSpan.FromSeconds(_options.ListingMaxAgeSeconds), newest);
    }

    /// <summary><c>GET /api/sitemap.xml</c>: every public post's page with its last change, but those marked <c>noindex</c> or canonical on another site.</summary>
    public Task<ApiResponse> SitemapAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => UrlSetAsync(request, cancellationToken));

    private async Task<ApiResponse> UrlSetAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (new QueryReader(request).Error is { } error)
        {
            return error;
        }

        var site = SiteUrl(request, await _site.GetAsync(cancellationToken));
        var posts = new List<ListingEntry>();
        await foreach (var post in _queries.AllAsync(cancellationToken))
        {
            posts.Add(post);
        }

        var xml = Write(writer =>
        {
            writer.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            writer.WriteStartElement("url");
            writer.WriteElementString("loc", site + "/");
            writer.WriteEndElement();
            foreach (var post in posts.Where(p => p.InSitemap(site)))
            {
                writer.WriteStartElement("url");
                writer.WriteElementString("loc", PostLink(site, post.Slug));
                writer.WriteElementString("lastmod", (post.Updated ?? post.Published).ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssK", CultureInfo.InvariantCulture));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        });
        return ApiResponse.Content(xml, "application/xml; charset=utf-8", TimeSpan.FromSeconds(_options.ListingMaxAgeSeconds));
    }

    /// <summary><c>GET /api/openapi.json</c>: the API's OpenAPI description. It takes no parameters, like every other endpoint refuses unknown ones.</summary>
    public static ApiResponse OpenApi(HttpRequest request) =>
        new QueryReader(request).Error ?? OpenApi();

    /// <summary>The OpenAPI description as served.</summary>
    public static ApiResponse OpenApi()
    {
        using var stream = typeof(SiteApi).Assembly.GetManifestResourceStream("HealthFunctions.Api.openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI description is not embedded.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return ApiResponse.Content(buffer.ToArray(), "application/json; charset=utf-8", TimeSpan.FromHours(1));
    }

    private static string SiteUrl(HttpRequest request, SiteInfo info) =>
        (info.BaseUrl ?? $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/');

    private string PostLink(string site, string slug) => site + _options.PostPath.Replace("{slug}", slug, StringComparison.Ordinal);

    private static string Rfc822(DateTimeOffset time) => time.ToUniversalTime().ToString("r", CultureInfo.InvariantCulture);

    private static string Write(Action<XmlWriter> body)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }

        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
