using HealthFunctions.Publishing.Queries;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Text;
using HealthFunctions.Site;
using HealthFunctions.Site.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Api;

/// <summary>Site-wide endpoints built from the public listing: tags with counts, the RSS feed, the sitemap and the OpenAPI description.</summary>
public sealed class SiteApi
{
    private readonly PostQueries _queries;
    private readonly FeedBuilder _feeds;
    private readonly ApiOptions _options;
    private readonly ApiFailures _failures;

    public SiteApi(PostQueries queries, [FromKeyedServices(StorageRoles.Reads)] FeedBuilder feeds, IOptions<ApiOptions> options, ApiFailures failures)
    {
        _failures = failures;
        _queries = queries;
        _feeds = feeds;
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

    /// <summary><c>GET /api/feed</c>: the site's RSS 2.0 feed (feed.xml), newest posts with their whole articles, written by the same code as the site's.</summary>
    public Task<ApiResponse> FeedAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => SiteFileAsync(request, ct => _feeds.SiteRssAsync(ct), cancellationToken));

    /// <summary><c>GET /api/sitemap.xml</c>: the site's sitemap (sitemap.xml), without posts marked <c>noindex</c> or canonical on another site.</summary>
    public Task<ApiResponse> SitemapAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => SiteFileAsync(request, async ct => (await _feeds.SitemapAsync(ct)).Files.Single(f => f.Path == PagePaths.Sitemap), cancellationToken));

    private async Task<ApiResponse> SiteFileAsync(HttpRequest request, Func<CancellationToken, Task<SiteFile>> build, CancellationToken cancellationToken)
    {
        if (new QueryReader(request).Error is { } error)
        {
            return error;
        }

        var file = await build(cancellationToken);
        return ApiResponse.Content(file.Content, file.ContentType, TimeSpan.FromSeconds(_options.ListingMaxAgeSeconds));
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
}
