using System.ComponentModel.DataAnnotations;
using HealthFunctions.Site.Pages;

namespace HealthFunctions.Site.Tests;

/// <summary>The search page the site writes where <c>Site:SearchUrl</c> points, and which addresses may hold it.</summary>
public sealed class SearchPageTests
{
    private static PageView View() => new()
    {
        Site = Pages.Site,
        Latest = [new LatestView("Sleep well", "/sleep-well/", "2 November 2022", "2022-11-02T00:00:00Z", "Sleep matters.")],
        Head = new HeadView { Title = "Search | " + Pages.Site.Title, Description = "Search the articles.", CanonicalUrl = Pages.Site.BaseUrl + "/search.html", NoIndex = true, Script = SearchPageBuilder.Script },
    };

    [Fact]
    public async Task The_search_page_has_the_same_header_and_sidebar_as_every_page()
    {
        var page = Pages.Parse(await Pages.RenderAsync("search", View()));

        Assert.Equal(Pages.Site.Title, page.QuerySelector(".site-title a")!.TextContent);
        Assert.Equal("/search.html", page.QuerySelector("form.site-search")!.GetAttribute("action"));
        Assert.Contains("Amira", page.QuerySelector(".about-text")!.TextContent);
        Assert.Equal("/sleep-well/", page.QuerySelector(".latest-list a")!.GetAttribute("href"));
        Assert.Equal("noindex", page.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
        Assert.Equal("/search.html", page.QuerySelector("main form.search-form")!.GetAttribute("action"));
        Assert.NotNull(page.QuerySelector("main input#search-q[name=q]"));
    }

    [Fact]
    public async Task The_search_page_loads_its_script_and_styles_from_the_hashed_theme_folder()
    {
        var page = Pages.Parse(await Pages.RenderAsync("search", View()));

        var scripts = page.QuerySelectorAll("script[type=module]").Select(s => s.GetAttribute("src")!).ToList();
        Assert.Contains(scripts, src => System.Text.RegularExpressions.Regex.IsMatch(src, "^/assets/[0-9a-f]{12}/js/search\\.js$"));
        Assert.Matches("^/assets/[0-9a-f]{12}/css/site\\.css$", page.QuerySelector("link[rel=stylesheet]")!.GetAttribute("href")!);
    }

    [Fact]
    public async Task Without_javascript_the_search_page_says_results_need_it()
    {
        var html = await Pages.RenderAsync("search", View());

        var noscript = Pages.Parse(html).QuerySelector("main noscript")!;
        Assert.Contains("Search results need JavaScript", noscript.InnerHtml);
    }

    [Fact]
    public async Task Other_pages_do_not_load_the_search_script()
    {
        var html = await Pages.RenderAsync("notfound", View() with { Head = View().Head with { Script = null } });

        Assert.DoesNotContain("search.js", html);
    }

    [Theory]
    [InlineData("/search.html", "/search.html")]
    [InlineData("/find/search.html", "/find/search.html")]
    [InlineData("https://search.example/blog", null)]
    public void A_local_search_url_names_the_page_the_site_writes_and_another_sites_url_none(string searchUrl, string? written)
    {
        var options = new SiteOptions { SearchUrl = searchUrl };

        Assert.Empty(Validate(options));
        Assert.Equal(written, options.SearchPagePath);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/search/")]
    [InlineData("/404.html")]
    [InlineData("/index.html")]
    [InlineData("/tags/index.html")]
    [InlineData("/assets/search.html")]
    [InlineData("/search.html?x=1")]
    [InlineData("//elsewhere.example/search.html")]
    [InlineData("/../search.html")]
    public void A_search_url_that_could_overwrite_another_page_is_refused_at_start_up(string searchUrl)
    {
        var errors = Validate(new SiteOptions { SearchUrl = searchUrl });

        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(SiteOptions.SearchUrl)));
    }

    [Fact]
    public void The_search_pages_key_names_its_path_and_a_key_for_a_path_that_cannot_hold_it_is_dropped()
    {
        var key = PageKeys.Search("/search.html");

        Assert.True(PageKeys.IsValid(key));
        Assert.Equal(["/search.html"], PageKeys.PathsOf(key));
        Assert.False(PageKeys.IsValid(PageKeys.Search("/404.html")));
        Assert.False(PageKeys.IsValid(PageKeys.Search("/../secret.html")));
    }

    private static List<ValidationResult> Validate(SiteOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
