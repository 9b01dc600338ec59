using HealthFunctions.Publishing.Content;

namespace HealthFunctions.IntegrationTests;

/// <summary>The real (Azurite-backed) profile store, counting the reads that fetch a profile's content.</summary>
public sealed class CountingSiteContent(ISiteContentStore inner) : ISiteContentStore
{
    private int _authorReads;

    public int AuthorReads => Volatile.Read(ref _authorReads);

    public Task<AuthorProfile?> GetAuthorAsync(string slug, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _authorReads);
        return inner.GetAuthorAsync(slug, cancellationToken);
    }

    public Task<string?> GetAuthorVersionAsync(string slug, CancellationToken cancellationToken) => inner.GetAuthorVersionAsync(slug, cancellationToken);

    public Task SaveAuthorAsync(AuthorProfile profile, CancellationToken cancellationToken) => inner.SaveAuthorAsync(profile, cancellationToken);

    public Task DeleteAuthorAsync(string slug, CancellationToken cancellationToken) => inner.DeleteAuthorAsync(slug, cancellationToken);

    public Task<SiteSettings?> GetSiteAsync(CancellationToken cancellationToken) => inner.GetSiteAsync(cancellationToken);

    public Task<string?> GetSiteVersionAsync(CancellationToken cancellationToken) => inner.GetSiteVersionAsync(cancellationToken);

    public Task SaveSiteAsync(SiteSettings settings, CancellationToken cancellationToken) => inner.SaveSiteAsync(settings, cancellationToken);

    public Task DeleteSiteAsync(CancellationToken cancellationToken) => inner.DeleteSiteAsync(cancellationToken);
}
