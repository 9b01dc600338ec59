using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;

namespace HealthFunctions.Publishing.Tests;

/// <summary>Which files under theme/ are templates, which are assets, and why the others are not published.</summary>
public sealed class ThemeAssetNamesTests
{
    [Theory]
    [InlineData("theme/post.liquid", SourceKind.Theme)]
    [InlineData("theme/css/site.css", SourceKind.ThemeAsset)]
    [InlineData("theme/site.css", SourceKind.ThemeAsset)]
    [InlineData("theme/img/logo.png", SourceKind.ThemeAsset)]
    [InlineData("theme/img/logo.svg", SourceKind.ThemeAsset)]
    [InlineData("theme/fonts/body-text_2.woff2", SourceKind.ThemeAsset)]
    [InlineData("theme/js/extra.mjs", SourceKind.ThemeAsset)]
    [InlineData("theme/a/b/c/x.css", SourceKind.ThemeAsset)]
    [InlineData("theme/a/b/c/d/x.css", SourceKind.Ignored)]
    [InlineData("theme/css/Site.css", SourceKind.Ignored)]
    [InlineData("theme/css/my site.css", SourceKind.Ignored)]
    [InlineData("theme/css/a..css", SourceKind.Ignored)]
    [InlineData("theme/-x.css", SourceKind.Ignored)]
    [InlineData("theme/run.exe", SourceKind.Ignored)]
    [InlineData("theme/notes.md", SourceKind.Ignored)]
    [InlineData("theme/parts/post.liquid", SourceKind.Ignored)]
    [InlineData("theme/.hidden.css", SourceKind.Ignored)]
    [InlineData("themes/site.css", SourceKind.Ignored)]
    public void Theme_files_are_classified_by_their_path(string name, SourceKind kind)
    {
        var actual = SourceNames.Classify(name, out var reason);

        Assert.Equal(kind, actual);
        Assert.Equal(kind == SourceKind.Ignored, reason.Length > 0);
    }

    [Fact]
    public void An_image_under_theme_is_a_theme_asset_not_a_post_image() =>
        Assert.Equal(SourceKind.ThemeAsset, SourceNames.Classify("theme/img/hero.jpg", out _));
}
