namespace HealthFunctions.Publishing.Content;

/// <summary>Author profiles and the site settings, stored beside the post index.</summary>
public interface ISiteContentStore
{
    Task<AuthorProfile?> GetAuthorAsync(string slug, CancellationToken cancellationToken);

    Task SaveAuthorAsync(AuthorProfile profile, CancellationToken cancellationToken);

    Task DeleteAuthorAsync(string slug, CancellationToken cancellationToken);

    Task<SiteSettings?> GetSiteAsync(CancellationToken cancellationToken);

    Task SaveSiteAsync(SiteSettings settings, CancellationToken cancellationToken);

    Task DeleteSiteAsync(CancellationToken cancellationToken);
}
