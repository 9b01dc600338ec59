using HealthFunctions.Publishing.Content;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// The author profiles and site settings the publish step reads for every post. Each lookup first
/// asks the store for the stored version (a small read without the content), then takes the profile
/// from a <see cref="HybridCache"/> entry keyed by name and that version, reading and parsing it only
/// on a miss; concurrent misses for the same version share one read. A hit is therefore always the
/// current content, on every instance: an edit or a delete made anywhere is seen by the very next
/// lookup, so a post's output never depends on what an instance happened to read before.
/// </summary>
public sealed class ProfileLookups
{
    private readonly ISiteContentStore _store;
    private readonly HybridCache _cache;
    private readonly HybridCacheEntryOptions? _entry;

    public ProfileLookups(ISiteContentStore store, HybridCache cache, IOptions<ProfileCacheOptions> options)
    {
        _store = store;
        _cache = cache;
        var lifetime = TimeSpan.FromMinutes(options.Value.Minutes);
        _entry = lifetime > TimeSpan.Zero ? new HybridCacheEntryOptions { Expiration = lifetime, LocalCacheExpiration = lifetime } : null;
    }

    public async Task<AuthorProfile?> GetAuthorAsync(string slug, CancellationToken cancellationToken)
    {
        if (_entry is null)
        {
            return await _store.GetAuthorAsync(slug, cancellationToken);
        }

        // Content read after the version check is that version or newer; a newer one filed under the
        // older key is never served, since the store never reports the older version again.
        var version = await _store.GetAuthorVersionAsync(slug, cancellationToken);
        return version is null
            ? null
            : await _cache.GetOrCreateAsync(
                $"profile/{version}/{slug}",
                (Store: _store, Slug: slug),
                static (state, ct) => new ValueTask<AuthorProfile?>(state.Store.GetAuthorAsync(state.Slug, ct)),
                _entry,
                cancellationToken: cancellationToken);
    }

    public async Task<SiteSettings?> GetSiteAsync(CancellationToken cancellationToken)
    {
        if (_entry is null)
        {
            return await _store.GetSiteAsync(cancellationToken);
        }

        var version = await _store.GetSiteVersionAsync(cancellationToken);
        return version is null
            ? null
            : await _cache.GetOrCreateAsync(
                $"site/{version}",
                _store,
                static (store, ct) => new ValueTask<SiteSettings?>(store.GetSiteAsync(ct)),
                _entry,
                cancellationToken: cancellationToken);
    }
}
