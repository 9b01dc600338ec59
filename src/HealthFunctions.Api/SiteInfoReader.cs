using HealthFunctions.Publishing.Content;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Text;
using HealthFunctions.Site;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Api;

/// <summary>The site settings as the API uses them, resolved as pages resolve them (<see cref="SiteOptions.Resolve"/>); and people by slug or name.</summary>
public sealed class SiteInfoReader
{
    private readonly ISiteContentStore _content;
    private readonly SiteOptions _options;

    public SiteInfoReader([FromKeyedServices(StorageRoles.Reads)] ISiteContentStore content, IOptions<SiteOptions> options)
    {
        _content = content;
        _options = options.Value;
    }

    public async Task<SiteInfo> GetAsync(CancellationToken cancellationToken)
    {
        var settings = await _content.GetSiteAsync(cancellationToken);
        var site = _options.Resolve(settings);
        return new SiteInfo(site.Title, site.Description, site.AboutHtml, site.BaseUrl, site.Language, settings?.DefaultAuthor);
    }

    /// <summary>A person named in front matter: their profile when <paramref name="nameOrSlug"/> names one, else just the name.</summary>
    public async Task<Person?> PersonAsync(string? nameOrSlug, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(nameOrSlug))
        {
            return null;
        }

        var profile = await _content.GetAuthorAsync(Slugs.From(nameOrSlug), cancellationToken);
        return profile is null
            ? new Person(null, nameOrSlug, null, null, null)
            : new Person(profile.Slug, profile.Name, profile.Credentials, profile.Avatar, AuthorUrl(profile.Slug));
    }

    public static string AuthorUrl(string slug) => "/api/authors/" + slug;
}
