using System.Collections.Concurrent;
using System.Text;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;
using HealthFunctions.Publishing.Theme;

namespace HealthFunctions.Site.Rendering;

/// <summary>
/// The editor's theme: <c>theme/NAME.liquid</c> in the source container, uploaded beside the
/// posts. Each template is remembered for <see cref="CacheTime"/>, so a page costs no extra reads;
/// a theme change is followed by a rebuild sent after that time, so every page gets the new version.
/// Theme assets (any other file under <c>theme/</c> that passes <see cref="ThemeAssetNames"/>) are
/// listed the same way; a file is read again only when its ETag changed.
/// </summary>
public sealed class SourceThemeSource : IThemeSource
{
    public static readonly TimeSpan CacheTime = TimeSpan.FromSeconds(5);

    private const int MaxTemplateBytes = 256 * 1024;

    private readonly ISourceStore _sources;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (string? Text, DateTimeOffset Read)> _cache = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string ETag, ThemeAsset Asset)> _assetFiles = new(StringComparer.Ordinal);
    private ListedAssets? _assets;

    public SourceThemeSource(ISourceStore sources, TimeProvider time)
    {
        _sources = sources;
        _time = time;
    }

    public async Task<string?> GetTemplateAsync(string name, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_cache.TryGetValue(name, out var cached) && now - cached.Read < CacheTime)
        {
            return cached.Text;
        }

        var blob = await _sources.ReadAsync(SourceNames.ThemeFolder + name + ".liquid", MaxTemplateBytes, cancellationToken);
        var text = blob?.Content is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
        _cache[name] = (text, now);
        return text;
    }

    public async Task<IReadOnlyList<ThemeAsset>> GetAssetsAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var cached = _assets;
        if (cached is not null && now - cached.Read < CacheTime)
        {
            return cached.Assets;
        }

        var listed = new List<SourceListing>();
        await foreach (var file in _sources.ListAsync(SourceNames.ThemeFolder, cancellationToken))
        {
            if (listed.Count < ThemeAssetNames.MaxCount && SourceNames.Classify(file.Name, out _) == SourceKind.ThemeAsset)
            {
                listed.Add(file);
            }
        }

        var versions = string.Join('\n', listed.Select(file => file.Name + " " + file.ETag));
        if (cached is not null && cached.Versions == versions)
        {
            _assets = cached with { Read = now };
            return cached.Assets;
        }

        var assets = new List<ThemeAsset>();
        foreach (var file in listed)
        {
            if (await ReadAssetAsync(file, cancellationToken) is { } asset)
            {
                assets.Add(asset);
            }
        }

        _assets = new ListedAssets(assets, versions, now);
        return assets;
    }

    public void Forget()
    {
        _cache.Clear();
        _assets = null;
    }

    /// <summary>The assets last listed, the names and ETags they came from, and when: swapped as one reference.</summary>
    private sealed record ListedAssets(IReadOnlyList<ThemeAsset> Assets, string Versions, DateTimeOffset Read);

    /// <summary>An asset's bytes, read again only when its version changed; null when it is gone or over the limit.</summary>
    private async Task<ThemeAsset?> ReadAssetAsync(SourceListing file, CancellationToken cancellationToken)
    {
        if (_assetFiles.TryGetValue(file.Name, out var known) && known.ETag == file.ETag)
        {
            return known.Asset;
        }

        var blob = await _sources.ReadAsync(file.Name, ThemeAssetNames.MaxBytes, cancellationToken);
        if (blob?.Content is not { } bytes)
        {
            return null;
        }

        var asset = new ThemeAsset(file.Name[SourceNames.ThemeFolder.Length..], bytes);
        _assetFiles[file.Name] = (blob.ETag, asset);
        return asset;
    }
}
