using System.Collections.Concurrent;
using Fluid;

namespace HealthFunctions.Site.Rendering;

/// <summary>Where an editor's own templates come from (<c>theme/*.liquid</c> beside the posts); null when the theme does not override one.</summary>
public interface IThemeSource
{
    Task<string?> GetTemplateAsync(string name, CancellationToken cancellationToken);

    /// <summary>The editor's theme assets (<c>theme/css/site.css</c> as <c>css/site.css</c>); the same list instance while nothing changed.</summary>
    Task<IReadOnlyList<ThemeAsset>> GetAssetsAsync(CancellationToken cancellationToken);

    /// <summary>Drops what this instance remembers of the theme (a theme file changed).</summary>
    void Forget();
}

/// <summary>A theme with no overrides: the default templates only.</summary>
public sealed class DefaultThemeSource : IThemeSource
{
    private static readonly Task<IReadOnlyList<ThemeAsset>> NoAssets = Task.FromResult<IReadOnlyList<ThemeAsset>>([]);

    public Task<string?> GetTemplateAsync(string name, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public Task<IReadOnlyList<ThemeAsset>> GetAssetsAsync(CancellationToken cancellationToken) => NoAssets;

    public void Forget()
    {
    }
}

/// <summary>
/// The Liquid templates pages are made from: the default theme shipped in this assembly, each
/// replaced by the editor's <c>theme/NAME.liquid</c> when one is uploaded. Parsed templates are
/// kept by their text, so an override is parsed once per version.
/// </summary>
public sealed class ThemeTemplates
{
    /// <summary>The templates a theme is made of.</summary>
    public static readonly IReadOnlyList<string> Names = ["layout", "post", "list", "notfound", "search", "redirect"];

    private static readonly FluidParser Parser = new();

    private readonly IThemeSource _source;
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new(StringComparer.Ordinal);

    public ThemeTemplates(IThemeSource source)
    {
        _source = source;
    }

    public async Task<IFluidTemplate> GetAsync(string name, CancellationToken cancellationToken)
    {
        if (await _source.GetTemplateAsync(name, cancellationToken) is { } custom)
        {
            try
            {
                return _parsed.GetOrAdd(custom, Parse);
            }
            catch (FormatException)
            {
                // An override that is not valid Liquid leaves the default in place (its status row names no error yet).
            }
        }

        return _parsed.GetOrAdd(Default(name), Parse);
    }

    /// <summary>Parses a template, naming the problem when it is not valid Liquid.</summary>
    public static IFluidTemplate Parse(string text) =>
        Parser.TryParse(text, out var template, out var error)
            ? template
            : throw new FormatException($"the template is not valid Liquid: {error}");

    public static string Default(string name)
    {
        using var stream = typeof(ThemeTemplates).Assembly.GetManifestResourceStream($"HealthFunctions.Site.Theme.{name}.liquid")
            ?? throw new ArgumentException($"The default theme has no template '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
