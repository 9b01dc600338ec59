using System.Net;
using AngleSharp.Html.Parser;
using HealthFunctions.Site;
using HealthFunctions.Site.Writing;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// The whole example blog published file by file, as the triggers would, and the page queue drained:
/// every page parses as HTML without errors, has one h1, and every internal link, stylesheet, script,
/// image and form action it names answers from the site container (as in Azure, where only
/// <c>config.js</c> is published beside it).
/// </summary>
public sealed class SiteLinkCheckTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly HttpClient Http = new();
    private readonly BlogTestHost _host = new(azurite, site: true);

    public async ValueTask InitializeAsync()
    {
        var sample = Path.Combine(RepositoryRoot.Find(), "samples", "blog");
        var files = Directory.GetFiles(sample, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(sample, path).Replace('\\', '/'))
            .OrderBy(name => name.EndsWith(".md", StringComparison.Ordinal) && !name.StartsWith("authors/", StringComparison.Ordinal))
            .ThenBy(name => name, StringComparer.Ordinal)
            .ToList();
        foreach (var name in files)
        {
            await _host.UploadBytesAsync(name, await File.ReadAllBytesAsync(Path.Combine(sample, name)));
            await _host.TriggerAsync(name);
        }

        await _host.DrainAsync(workers: 2);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Every_page_is_valid_html_with_one_h1_and_every_link_and_image_answers()
    {
        var pages = await PagesAsync();
        Assert.Contains("index.html", pages.Keys);
        Assert.Contains("ketamine-iv-infusion-therapy/index.html", pages.Keys);
        Assert.Contains("authors/dr-amira-khan/index.html", pages.Keys);
        Assert.Contains("404.html", pages.Keys);
        Assert.Contains("search.html", pages.Keys);
        Assert.True(pages.Count > 20, $"only {pages.Count} pages were written");

        var broken = new List<string>();
        foreach (var (name, html) in pages.Where(p => p.Key.EndsWith(".html", StringComparison.Ordinal)))
        {
            var errors = new List<string>();
            var parser = new HtmlParser();
            parser.Error += (_, e) => errors.Add(((AngleSharp.Html.Dom.Events.HtmlErrorEvent)e).Message);
            var document = parser.ParseDocument(html);
            Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors)}");
            Assert.True(document.QuerySelectorAll("h1").Length == 1, $"{name} has {document.QuerySelectorAll("h1").Length} h1 elements");

            var links = document.QuerySelectorAll("a[href], link[href]").Select(e => e.GetAttribute("href")!)
                .Concat(document.QuerySelectorAll("img[src], script[src]").Select(e => e.GetAttribute("src")!))
                .Concat(document.QuerySelectorAll("form[action]").Select(e => e.GetAttribute("action")!));
            foreach (var link in links.Distinct(StringComparer.Ordinal))
            {
                if (!await AnswersAsync(link, pages, document))
                {
                    broken.Add($"{name} → {link}");
                }
            }
        }

        Assert.True(broken.Count == 0, string.Join("\n", broken));
    }

    [Fact]
    public async Task A_rebuild_removes_rendered_files_no_page_owns()
    {
        var stray = new SiteFile("/old-post/", PageKind.Post, SiteFiles.Html, "<!doctype html><title>x</title>");
        await _host.Get<IPageStore>().WriteAsync(new PageWrite(stray, "no-cache", _host.Clock.GetUtcNow().AddDays(-1), []), CancellationToken.None);
        var home = await _host.PageAsync("/");

        var report = await _host.Get<SiteRebuilder>().RebuildAsync(2, CancellationToken.None);

        Assert.Equal(1, report.Orphans);
        Assert.Null(await _host.PageAsync("/old-post/"));
        Assert.Equal(home, await _host.PageAsync("/"));
    }

    private async Task<Dictionary<string, string>> PagesAsync()
    {
        var pages = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var blob in _host.Web.GetBlobsAsync())
        {
            pages[blob.Name] = (await _host.Web.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToString();
        }

        return pages;
    }

    private static async Task<bool> AnswersAsync(string link, Dictionary<string, string> pages, AngleSharp.Html.Dom.IHtmlDocument document)
    {
        foreach (var site in new[] { "https://healthy-living.example.org", "https://blog.example" })
        {
            if (link.StartsWith(site + "/", StringComparison.Ordinal))
            {
                link = link[site.Length..];
            }
        }

        if (link.StartsWith('#'))
        {
            return document.GetElementById(link[1..]) is not null;
        }

        if (link.StartsWith("http://127.0.0.1", StringComparison.Ordinal))
        {
            using var response = await Http.GetAsync(link);
            return response.StatusCode == HttpStatusCode.OK;
        }

        if (!link.StartsWith('/'))
        {
            return true; // another site (references, profile links)
        }

        var path = link.Split('?', '#')[0];
        // In Azure the site container is all a reader gets, with the deployment's config.js beside the pages.
        return pages.ContainsKey(PagePaths.BlobName(path)) || (path == "/config.js" && File.Exists(Path.Combine(RepositoryRoot.Find(), "web", "config.js")));
    }
}
