namespace HealthFunctions.Site.Rendering;

/// <summary>
/// The default theme's assets: <c>web/css</c>, <c>web/js</c> and <c>web/img</c>, embedded in this
/// assembly at build time (see the project file), so every instance publishes the same bytes.
/// </summary>
internal static class DefaultThemeAssets
{
    private const string Prefix = "HealthFunctions.Site.Assets/";

    public static IReadOnlyList<ThemeAsset> Read()
    {
        var assembly = typeof(DefaultThemeAssets).Assembly;
        var assets = new List<ThemeAsset>();
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            assets.Add(new ThemeAsset(name[Prefix.Length..].Replace('\\', '/'), copy.ToArray()));
        }

        return assets;
    }
}
