using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Api;

/// <summary><c>GET /api/authors/{slug}</c> and <c>GET /api/site</c>: the people and settings beside the posts.</summary>
public sealed class AuthorsApi
{
    private readonly ISiteContentStore _content;
    private readonly SiteInfoReader _site;
    private readonly ApiOptions _options;
    private readonly ApiFailures _failures;

    public AuthorsApi([FromKeyedServices(StorageRoles.Reads)] ISiteContentStore content, SiteInfoReader site, IOptions<ApiOptions> options, ApiFailures failures)
    {
        _failures = failures;
        _content = content;
        _site = site;
        _options = options.Value;
    }

    public Task<ApiResponse> GetAuthorAsync(HttpRequest request, string slug, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => ProfileAsync(request, slug, cancellationToken));

    private async Task<ApiResponse> ProfileAsync(HttpRequest request, string slug, CancellationToken cancellationToken)
    {
        if (new QueryReader(request).Error is { } error)
        {
            return error;
        }

        var profile = Slugs.IsValid(slug) ? await _content.GetAuthorAsync(slug, cancellationToken) : null;
        if (profile is null)
        {
            return ApiResponse.NotFound($"There is no author '{slug}'.");
        }

        var body = new AuthorDetail(
            profile.Slug,
            profile.Name,
            profile.Credentials,
            profile.BioHtml,
            profile.Avatar,
            profile.AvatarWidth,
            profile.AvatarHeight,
            profile.Links.Select(l => new ReferenceLink(l.Title, l.Url?.ToString())).ToList(),
            SiteInfoReader.AuthorUrl(profile.Slug) + "/posts");
        return ApiResponse.Ok(body, TimeSpan.FromSeconds(_options.PostMaxAgeSeconds));
    }

    public Task<ApiResponse> GetSiteAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, async () =>
            new QueryReader(request).Error ?? ApiResponse.Ok(await _site.GetAsync(cancellationToken), TimeSpan.FromSeconds(_options.ListingMaxAgeSeconds)));
}
