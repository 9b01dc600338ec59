using System.Text.RegularExpressions;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Site.Rendering;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// Theme assets are written into the site container under a content-hashed version folder, cached as
/// immutable, before any page names them; an uploaded theme/css/site.css gives every page new asset
/// addresses; a bad asset upload gets a status row naming the rule.
/// </summary>
public sealed partial class SiteThemeAssetTests : IAsyncLifetime
{
    private const string Immutable = "public, max-age=31536000, immutable";

    private readonly BlogTestHost _host;
    private LinkWatchingPageStore? _watcher;

    public SiteThemeAssetTests(AzuriteFixture azurite)
    {
        _host = new BlogTestHost(azurite, site: true, configure: LinkWatchingPageStore.Install(store => _watcher = store));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_page_names_hashed_assets_that_exist_with_the_immutable_header()
    {
        await _host.UploadAndTriggerAsync("one.md", PostFile.Markdown("One", "2025-01-01"));
        await _host.DrainAsync();

        var post = (await _host.PageAsync("/one/"))!;
        var stylesheet = Stylesheet(post);
        Assert.Matches("^/assets/[0-9a-f]{12}/css/site\\.css$", stylesheet);
        Assert.Equal(stylesheet, Stylesheet((await _host.PageAsync("/"))!));
        Assert.Contains("<script src=\"/config.js\"></script>", post);

        var assets = LinkWatchingPageStore.AssetLinks(post).ToList();
        Assert.Contains(assets, a => a.EndsWith("/js/static.js", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.EndsWith("/img/favicon.svg", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            var properties = (await _host.Web.GetBlobClient(asset.TrimStart('/')).GetPropertiesAsync()).Value;
            Assert.Equal(Immutable, properties.CacheControl);
        }

        // static.js imports ./api.js and ./elements.js: they are in the same version folder.
        var version = stylesheet.Split('/')[2];
        Assert.True(await _host.Web.GetBlobClient($"assets/{version}/js/api.js").ExistsAsync());
        Assert.True(await _host.Web.GetBlobClient($"assets/{version}/js/elements.js").ExistsAsync());
        var css = (await _host.Web.GetBlobClient(stylesheet.TrimStart('/')).DownloadContentAsync()).Value;
        Assert.Equal("text/css; charset=utf-8", css.Details.ContentType);
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(RepositoryRoot.Find(), "web", "css", "site.css")), css.Content.ToArray());

        // The name is a function of the bytes alone: the default theme's version is the same on any instance.
        var defaults = await new ThemeAssets(new DefaultThemeSource(), store: null).GetPublishedAsync(CancellationToken.None);
        Assert.Equal(version, defaults.Version);
        Assert.Empty(_watcher!.Broken);
    }

    [Fact]
    public async Task An_uploaded_stylesheet_renames_the_assets_on_every_page_and_is_written_before_any_page_names_it()
    {
        await _host.UploadAndTriggerAsync("one.md", PostFile.Markdown("One", "2025-01-01", tags: "sleep"));
        await _host.UploadAndTriggerAsync("two.md", PostFile.Markdown("Two", "2025-01-02"));
        await _host.DrainAsync();
        var before = Stylesheet((await _host.PageAsync("/one/"))!);

        const string Custom = "body { background: #fdf6e3; }\n";
        await _host.UploadAndTriggerAsync("theme/css/site.css", Custom);
        await _host.UploadBytesAsync("theme/img/logo.png", TestImages.Png(4, 4));
        await _host.TriggerAsync("theme/img/logo.png");
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        await _host.DrainAsync();

        var pages = new[] { "/", "/one/", "/two/", "/tags/sleep/", "/404.html", "/search.html" };
        var after = Stylesheet((await _host.PageAsync("/"))!);
        Assert.NotEqual(before, after);
        foreach (var page in pages)
        {
            var html = (await _host.PageAsync(page))!;
            Assert.Equal(after, Stylesheet(html));
            Assert.DoesNotContain(before, html);
        }

        var version = after.Split('/')[2];
        Assert.Equal(Custom, (await _host.Web.GetBlobClient(after.TrimStart('/')).DownloadContentAsync()).Value.Content.ToString());
        Assert.True(await _host.Web.GetBlobClient($"assets/{version}/img/logo.png").ExistsAsync());
        Assert.True(await _host.Web.GetBlobClient($"assets/{version}/img/favicon.svg").ExistsAsync(), "the default files are in the new version too");
        Assert.True(await _host.Web.GetBlobClient(before.TrimStart('/')).ExistsAsync(), "older versions are kept");
        Assert.Equal(SourceState.Published, (await _host.Get<IPostIndex>().GetSourceAsync("theme/css/site.css", CancellationToken.None))!.State);
        Assert.Empty(_watcher!.Broken);

        // Removing the upload brings the default stylesheet (and the default version) back.
        await _host.Source.DeleteBlobAsync("theme/css/site.css");
        await _host.TriggerAsync("theme/css/site.css");
        await _host.Source.DeleteBlobAsync("theme/img/logo.png");
        await _host.TriggerAsync("theme/img/logo.png");
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        await _host.DrainAsync();
        Assert.Equal(before, Stylesheet((await _host.PageAsync("/two/"))!));
        Assert.Empty(_watcher.Broken);
    }

    [Theory]
    [InlineData("theme/css/Site.css", "Ignored", "lower-case letters")]
    [InlineData("theme/css/site..css", "Ignored", "may not contain '..'")]
    [InlineData("theme/tools/run.exe", "Ignored", "theme assets must be one of .css")]
    [InlineData("theme/a/b/c/d/deep.css", "Ignored", "at most 3 folders below theme/")]
    [InlineData("theme/parts/post.liquid", "Ignored", "directly in theme/")]
    [InlineData("theme/css/huge.css", "Failed", "the limit is 524,288 bytes")]
    public async Task A_bad_theme_asset_gets_a_status_row_and_the_pages_keep_their_assets(string name, string state, string message)
    {
        await _host.UploadAndTriggerAsync("one.md", PostFile.Markdown("One", "2025-01-01"));
        await _host.DrainAsync();
        var before = Stylesheet((await _host.PageAsync("/one/"))!);

        await _host.UploadAndTriggerAsync(name, name.EndsWith("huge.css", StringComparison.Ordinal) ? new string('a', 600 * 1024) : "body { color: red; }");
        await Task.Delay(TimeSpan.FromSeconds(5.5));
        await _host.DrainAsync();

        var record = await _host.Get<IPostIndex>().GetSourceAsync(name, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(state, record.State.ToString());
        Assert.Contains(message, record.Message, StringComparison.Ordinal);
        Assert.Equal(before, Stylesheet((await _host.PageAsync("/one/"))!));
    }

    private static string Stylesheet(string html) => StylesheetLink().Match(html) is { Success: true } m ? m.Groups["href"].Value : throw new Xunit.Sdk.XunitException("no stylesheet link");

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(?<href>[^\"]+)\">")]
    private static partial Regex StylesheetLink();
}
