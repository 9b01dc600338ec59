namespace HealthFunctions.Publishing.Content;

/// <summary>Author profiles and the site settings, stored beside the post index.</summary>
public interface ISiteContentStore
{
    Task<AuthorProfile?> GetAuthorAsync(string slug, CancellationToken cancellationToken);

    /// <summary>
    /// The version of the stored profile (it changes with every save; a deleted and re-created profile
    /// gets a new one), or null when there is none. Reads no content, so it is cheaper than the profile.
    /// </summary>
    Task<string?> GetAuthorVersionAsync(string slug, CancellationToken cancellationToken);

    Task SaveAuthorAsync(AuthorProfile profile, CancellationToken cancellationToken);

    Task DeleteAuthorAsync(string slug, CancellationToken cancellationToken);

    Task<SiteSettings?> GetSiteAsync(CancellationToken cancellationToken);

    /// <summary>The version of the stored site settings, as <see cref="GetAuthorVersionAsync"/> for a profile.</summary>
    Task<string?> GetSiteVersionAsync(CancellationToken cancellationToken);

    Task SaveSiteAsync(SiteSettings settings, CancellationToken cancellationToken);

    Task DeleteSiteAsync(CancellationToken cancellationToken);
}
