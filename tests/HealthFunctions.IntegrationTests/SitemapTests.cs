using System.Xml.Linq;

namespace HealthFunctions.IntegrationTests;

/// <summary>Posts that ask search engines to leave them out, or to index another site's copy, are in neither sitemap.</summary>
public sealed class SitemapTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private readonly BlogTestHost _host = new(azurite, site: true);

    public async ValueTask InitializeAsync()
    {
        await _host.UploadAndTriggerAsync("plain.md", PostFile.Markdown("Plain", "2025-02-01", tags: "sleep"));
        await _host.UploadAndTriggerAsync("hidden.md", PostFile.Markdown("Hidden", "2025-02-02", tags: "sleep", extra: "noindex: true"));
        await _host.UploadAndTriggerAsync("syndicated.md", PostFile.Markdown("Syndicated", "2025-02-03", extra: "canonicalUrl: https://elsewhere.example/original/"));
        await _host.UploadAndTriggerAsync("own.md", PostFile.Markdown("Own", "2025-02-04", extra: "canonicalUrl: https://blog.example/own/"));
        await _host.SettleAsync();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task The_static_sitemap_leaves_out_noindex_posts_and_posts_canonical_elsewhere()
    {
        var locs = Locations((await _host.PageAsync("/sitemap.xml"))!);

        Assert.Contains("https://blog.example/plain/", locs);
        Assert.Contains("https://blog.example/own/", locs);
        Assert.Contains("https://blog.example/tags/sleep/", locs);
        Assert.DoesNotContain("https://blog.example/hidden/", locs);
        Assert.DoesNotContain("https://blog.example/syndicated/", locs);

        // The pages themselves are still published, with what they ask of search engines.
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", await _host.PageAsync("/hidden/"));
        Assert.Contains("href=\"https://elsewhere.example/original/\"", await _host.PageAsync("/syndicated/"));
        Assert.Contains("href=\"/hidden/\"", await _host.PageAsync("/"));
    }

    [Fact]
    public async Task The_api_sitemap_agrees_with_the_static_one()
    {
        var response = await _host.GetAsync("/api/sitemap.xml");
        var locs = Locations(response.Body);

        Assert.Contains(locs, l => l.Contains("plain", StringComparison.Ordinal));
        Assert.DoesNotContain(locs, l => l.Contains("hidden", StringComparison.Ordinal));
        Assert.DoesNotContain(locs, l => l.Contains("syndicated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dropping_noindex_puts_the_post_back_in_the_sitemap()
    {
        await _host.UploadAndTriggerAsync("hidden.md", PostFile.Markdown("Hidden", "2025-02-02", tags: "sleep"));
        await _host.SettleAsync();

        Assert.Contains("https://blog.example/hidden/", Locations((await _host.PageAsync("/sitemap.xml"))!));
    }

    private static List<string> Locations(string xml) => XDocument.Parse(xml).Descendants(Ns + "loc").Select(l => l.Value).ToList();
}
