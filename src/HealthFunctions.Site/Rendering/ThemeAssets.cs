using System.Collections.Concurrent;
using HealthFunctions.Site.Writing;

namespace HealthFunctions.Site.Rendering;

/// <summary>
/// The theme's current assets, published before a page names them: the first render that sees a
/// version writes all its files to <c>assets/{version}/</c> in the site container (immutable, cached a
/// year) and only then returns it. Each instance writes a version once; the writes are the same bytes
/// at the same names on any instance, so repeating them is harmless. Older versions are kept (see
/// docs/site.md).
/// </summary>
public sealed class ThemeAssets
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    private static readonly Lazy<IReadOnlyList<ThemeAsset>> Defaults = new(DefaultThemeAssets.Read);

    private readonly IThemeSource _source;
    private readonly IPageStore? _store;
    private readonly ConcurrentDictionary<string, Lazy<Task>> _published = new(StringComparer.Ordinal);
    private Known? _last;

    /// <param name="store">Where versions are written; null renders names without writing files (tests, previews).</param>
    public ThemeAssets(IThemeSource source, IPageStore? store)
    {
        _source = source;
        _store = store;
    }

    /// <summary>The current version, every file of it already in the site container.</summary>
    public async Task<ThemeAssetSet> GetPublishedAsync(CancellationToken cancellationToken)
    {
        var uploads = await _source.GetAssetsAsync(cancellationToken);
        var last = _last;
        var set = last is not null && ReferenceEquals(last.Uploads, uploads) ? last.Set : new ThemeAssetSet(Defaults.Value, uploads);
        _last = new Known(uploads, set);
        if (_store is null)
        {
            return set;
        }

        var publish = _published.GetOrAdd(set.Version, _ => new Lazy<Task>(() => WriteAsync(set, cancellationToken)));
        try
        {
            await publish.Value;
        }
        catch
        {
            // A failed write is tried again by the next render, not remembered.
            _published.TryRemove(new KeyValuePair<string, Lazy<Task>>(set.Version, publish));
            throw;
        }

        return set;
    }

    /// <summary>The last uploads seen and the set made from them, swapped as one reference so readers never see half of it.</summary>
    private sealed record Known(IReadOnlyList<ThemeAsset> Uploads, ThemeAssetSet Set);

    private async Task WriteAsync(ThemeAssetSet set, CancellationToken cancellationToken)
    {
        foreach (var asset in set.Files)
        {
            await _store!.WriteAssetAsync(set.BlobName(asset), asset.Content, asset.ContentType, CacheControl, cancellationToken);
        }
    }
}
