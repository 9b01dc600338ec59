using System.Collections.Concurrent;
using HealthFunctions.Publishing.Content;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Publishing.Sync;

/// <summary>
/// The author profiles and site settings the publish step reads for every post, remembered for a few
/// seconds, so a bulk reindex or a burst of uploads by the same author reads each one once instead of
/// once a post. Concurrent lookups of the same item share one read. What this instance publishes or
/// removes clears it at once; another instance's change is seen after at most the lifetime.
/// </summary>
public sealed class ProfileLookups
{
    private readonly ISiteContentStore _store;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly ConcurrentDictionary<string, Remembered<AuthorProfile?>> _authors = new(StringComparer.Ordinal);
    private Remembered<SiteSettings?>? _site;

    public ProfileLookups(ISiteContentStore store, TimeProvider time, IOptions<PublishingOptions> options)
    {
        _store = store;
        _time = time;
        _lifetime = TimeSpan.FromSeconds(options.Value.ProfileCacheSeconds);
    }

    public Task<AuthorProfile?> GetAuthorAsync(string slug, CancellationToken cancellationToken)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return _store.GetAuthorAsync(slug, cancellationToken);
        }

        var now = _time.GetUtcNow();
        var remembered = _authors.AddOrUpdate(
            slug,
            key => Read(() => _store.GetAuthorAsync(key, CancellationToken.None), now),
            (key, old) => old.IsFresh(now, _lifetime) ? old : Read(() => _store.GetAuthorAsync(key, CancellationToken.None), now));
        return Awaited(remembered, () => _authors.TryRemove(new KeyValuePair<string, Remembered<AuthorProfile?>>(slug, remembered)), cancellationToken);
    }

    public Task<SiteSettings?> GetSiteAsync(CancellationToken cancellationToken)
    {
        if (_lifetime <= TimeSpan.Zero)
        {
            return _store.GetSiteAsync(cancellationToken);
        }

        var now = _time.GetUtcNow();
        var current = Volatile.Read(ref _site);
        if (current is null || !current.IsFresh(now, _lifetime))
        {
            var fresh = Read(() => _store.GetSiteAsync(CancellationToken.None), now);
            current = Interlocked.CompareExchange(ref _site, fresh, current) == current ? fresh : Volatile.Read(ref _site)!;
        }

        var remembered = current;
        return Awaited(remembered, () => Interlocked.CompareExchange(ref _site, null, remembered), cancellationToken);
    }

    /// <summary>Drops everything remembered: an author profile or the site settings just changed here.</summary>
    public void Forget()
    {
        _authors.Clear();
        Volatile.Write(ref _site, null);
    }

    private static Remembered<T> Read<T>(Func<Task<T>> read, DateTimeOffset now) => new(read(), now);

    /// <summary>A failed read is not remembered, so the next caller tries again.</summary>
    private static async Task<T> Awaited<T>(Remembered<T> remembered, Action forget, CancellationToken cancellationToken)
    {
        try
        {
            return await remembered.Value.WaitAsync(cancellationToken);
        }
        catch when (remembered.Value.IsFaulted || remembered.Value.IsCanceled)
        {
            forget();
            throw;
        }
    }

    private sealed record Remembered<T>(Task<T> Value, DateTimeOffset ReadAt)
    {
        public bool IsFresh(DateTimeOffset now, TimeSpan lifetime) => now - ReadAt < lifetime;
    }
}
