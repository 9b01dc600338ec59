using System.Text;
using HealthFunctions.Site.Rendering;

namespace HealthFunctions.Site.Tests;

/// <summary>The theme's asset version: a pure function of paths and bytes, uploads over defaults.</summary>
public sealed class ThemeAssetSetTests
{
    private static readonly ThemeAsset[] Defaults = [Asset("css/site.css", "body{}"), Asset("js/static.js", "//")];

    [Fact]
    public void An_upload_replaces_the_default_of_the_same_path_and_changes_the_version()
    {
        var plain = new ThemeAssetSet(Defaults, []);
        var custom = new ThemeAssetSet(Defaults, [Asset("css/site.css", "body{color:red}")]);

        Assert.NotEqual(plain.Version, custom.Version);
        Assert.Equal(2, custom.Files.Count);
        Assert.Equal("body{color:red}", Encoding.UTF8.GetString(custom.Files.Single(f => f.Path == "css/site.css").Content));
        Assert.Equal($"/assets/{custom.Version}/css/site.css", custom.UrlOf("css/site.css"));
        Assert.Equal($"/assets/{custom.Version}/js/static.js", custom.UrlOf("/js/static.js"));
    }

    [Fact]
    public void The_version_depends_on_content_not_on_order()
    {
        var one = new ThemeAssetSet(Defaults, [Asset("img/a.png", "1"), Asset("img/b.png", "2")]);
        var two = new ThemeAssetSet(Defaults.Reverse(), [Asset("img/b.png", "2"), Asset("img/a.png", "1")]);
        var moved = new ThemeAssetSet(Defaults, [Asset("img/a.png", "2"), Asset("img/b.png", "1")]);

        Assert.Equal(one.Version, two.Version);
        Assert.NotEqual(one.Version, moved.Version);
        Assert.Matches("^[0-9a-f]{12}$", one.Version);
    }

    [Fact]
    public void A_file_the_theme_does_not_have_is_named_at_the_root() =>
        Assert.Equal("/config.js", new ThemeAssetSet(Defaults, []).UrlOf("config.js"));

    [Fact]
    public async Task The_default_theme_ships_the_assets_its_layout_names()
    {
        var set = await new ThemeAssets(new DefaultThemeSource(), store: null).GetPublishedAsync(CancellationToken.None);

        foreach (var path in new[] { "css/site.css", "js/static.js", "js/api.js", "js/elements.js", "img/favicon.svg", "img/about.svg" })
        {
            Assert.True(set.Contains(path), path);
        }
    }

    private static ThemeAsset Asset(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));
}
