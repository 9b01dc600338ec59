using System.Collections.Concurrent;
using System.Text;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;

namespace HealthFunctions.Site.Rendering;

/// <summary>
/// The editor's theme: <c>theme/NAME.liquid</c> in the source container, uploaded beside the
/// posts. Each template is remembered for <see cref="CacheTime"/>, so a page costs no extra reads;
/// a theme change is followed by a rebuild sent after that time, so every page gets the new version.
/// </summary>
public sealed class SourceThemeSource : IThemeSource
{
    public static readonly TimeSpan CacheTime = TimeSpan.FromSeconds(5);

    private const int MaxTemplateBytes = 256 * 1024;

    private readonly ISourceStore _sources;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (string? Text, DateTimeOffset Read)> _cache = new(StringComparer.Ordinal);

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

    public void Forget() => _cache.Clear();
}
