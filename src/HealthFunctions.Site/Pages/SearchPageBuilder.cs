using HealthFunctions.Site.Rendering;

namespace HealthFunctions.Site.Pages;

/// <summary>
/// Builds the search page every page's search box sends <c>?q=</c> to: the theme's <c>search</c>
/// template in the layout, so it has the same header, About Me box and Latest Posts as every page.
/// Its results come from <c>GET /api/search</c> through the theme's <c>js/search.js</c>; the page
/// itself depends only on the site settings, the theme and the latest posts.
/// </summary>
public sealed class SearchPageBuilder
{
    /// <summary>The theme asset that fetches and shows the results.</summary>
    public const string Script = "js/search.js";

    private readonly SiteReader _reader;
    private readonly PageRenderer _renderer;

    public SearchPageBuilder(SiteReader reader, PageRenderer renderer)
    {
        _reader = reader;
        _renderer = renderer;
    }

    /// <summary>The page at <paramref name="path"/>; absent unless that is where <see cref="SiteOptions.SearchUrl"/> sends the search box.</summary>
    public async Task<PageOutput> BuildAsync(string path, CancellationToken ct, PageExists? existing = null)
    {
        if (_reader.Options.SearchPagePath != path)
        {
            return PageOutput.Absent;
        }

        var site = await _reader.SiteAsync(ct);
        var view = new PageView
        {
            Site = site,
            Latest = await _reader.LatestAsync(ct, existing),
            Head = new HeadView
            {
                Title = "Search | " + site.Title,
                Description = $"Search the articles on {site.Title}.",
                CanonicalUrl = site.BaseUrl + path,
                NoIndex = true,
                Script = Script,
            },
        };
        var html = await _renderer.RenderAsync("search", view, ct);
        return new PageOutput([new SiteFile(path, PageKind.Search, SiteFiles.Html, html)], []);
    }
}
