using HealthFunctions.Publishing.Content;

namespace HealthFunctions.Publishing.Tests.Support;

/// <summary>
/// Profiles and site settings in memory, versioned like the table store (every save gets a new
/// version), counting the reads that return content so a test can tell a cache hit from a read.
/// Shared by two service providers, it stands for the storage two app instances share.
/// </summary>
internal sealed class InMemorySiteContent : ISiteContentStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (AuthorProfile Profile, string Version)> _authors = new(StringComparer.Ordinal);
    private (SiteSettings Settings, string Version)? _site;
    private int _writes;

    public int AuthorReads { get; private set; }

    public int SiteReads { get; private set; }

    public Task<AuthorProfile?> GetAuthorAsync(string slug, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            AuthorReads++;
            return Task.FromResult(_authors.TryGetValue(slug, out var found) ? found.Profile : null);
        }
    }

    public Task<string?> GetAuthorVersionAsync(string slug, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_authors.TryGetValue(slug, out var found) ? found.Version : null);
        }
    }

    public Task SaveAuthorAsync(AuthorProfile profile, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _authors[profile.Slug] = (profile, NextVersion());
            return Task.CompletedTask;
        }
    }

    public Task DeleteAuthorAsync(string slug, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _authors.Remove(slug);
            return Task.CompletedTask;
        }
    }

    public Task<SiteSettings?> GetSiteAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            SiteReads++;
            return Task.FromResult(_site?.Settings);
        }
    }

    public Task<string?> GetSiteVersionAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_site?.Version);
        }
    }

    public Task SaveSiteAsync(SiteSettings settings, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _site = (settings, NextVersion());
            return Task.CompletedTask;
        }
    }

    public Task DeleteSiteAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _site = null;
            return Task.CompletedTask;
        }
    }

    private string NextVersion() => $"W/\"{++_writes}\"";
}
