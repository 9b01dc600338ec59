using System.ComponentModel.DataAnnotations;
using HealthFunctions.Publishing.Content;
using HealthFunctions.Site.Pages;

namespace HealthFunctions.Site;

/// <summary>How the static site is written. Bound to the "Site" section.</summary>
public sealed class SiteOptions : IValidatableObject
{
    public const string SectionName = "Site";

    /// <summary>Container the pages are written to: <c>$web</c>, served by the storage account's static website.</summary>
    [Required, RegularExpression("^(\\$web|[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9])$", ErrorMessage = "WebContainer must be a valid blob container name or $web.")]
    public string WebContainer { get; set; } = "$web";

    /// <summary>Storage queue that carries page work: shared pages, fan-out re-renders, scheduled posts.</summary>
    [Required, RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "PageQueue must be a valid queue name.")]
    public string PageQueue { get; set; } = "site-pages";

    /// <summary>Seconds a page message waits before it is seen, so that a burst of uploads regenerates a shared page a few times, not once per upload.</summary>
    [Range(0, 600)]
    public int CoalesceSeconds { get; set; } = 2;

    /// <summary>Longest a message waits in the queue before its handler looks at it again (the queue allows 7 days; lower it only to test hops).</summary>
    [Range(0, 604800)]
    public int MaxDelaySeconds { get; set; } = 604800;

    /// <summary>Page messages one batch of a site sweep sends (a rebuild, or Latest Posts changed) before it hands on to the next batch.</summary>
    [Range(1, 1000)]
    public int SweepBatchSize { get; set; } = 100;

    /// <summary>Posts in the "Latest Posts" box on every page.</summary>
    [Range(1, 50)]
    public int LatestPosts { get; set; } = 5;

    /// <summary>Posts on the home page, a tag page and an author page (older ones are reached through the date archives).</summary>
    [Range(1, 200)]
    public int PostsPerPage { get; set; } = 10;

    /// <summary>Items in the RSS and Atom feeds (whole site and per tag).</summary>
    [Range(1, 200)]
    public int FeedSize { get; set; } = 20;

    /// <summary>
    /// Public address of the site when site.yaml has no <c>baseUrl</c>: the one base of every absolute
    /// link, in pages (canonical URLs, JSON-LD), feeds and sitemaps, whether the pages or the API write them.
    /// </summary>
    [Required, Url]
    public string BaseUrl { get; set; } = "http://localhost";

    /// <summary>
    /// Where every page's search box sends its plain GET form (<c>?q=</c>). A path (<c>/search.html</c>)
    /// is where the site writes its own search page, which calls <c>GET /api/search</c>; an https URL
    /// is another site's search page, and then the site writes none.
    /// </summary>
    [Required, RegularExpression(@"^(/[^\s""<>]*|https://[^\s""<>]+)$", ErrorMessage = "SearchUrl must be a path starting with / or an https URL.")]
    public string SearchUrl { get; set; } = "/search.html";

    /// <summary>The path the site writes its search page at, or null when <see cref="SearchUrl"/> is another site's page.</summary>
    public string? SearchPagePath => SearchUrl.StartsWith('/') ? SearchUrl : null;

    /// <summary>The blog's title until site.yaml gives one.</summary>
    [MinLength(1)]
    public string Title { get; set; } = "Trending Health And Medical Information For Healthy Living";

    /// <summary>The blog's short description until site.yaml gives one.</summary>
    public string Description { get; set; } = "Health and medical articles for healthy living.";

    /// <summary>The site as pages and the API show it: site.yaml's values where it has them, else these settings.</summary>
    public SiteView Resolve(SiteSettings? site)
    {
        var baseUrl = (site?.BaseUrl ?? BaseUrl).TrimEnd('/');
        return site is null
            ? new SiteView(Title, Description, null, "en", baseUrl, SearchUrl)
            : new SiteView(site.Title, site.Description, site.AboutHtml, site.Language, baseUrl, SearchUrl);
    }

    /// <summary>Cache lifetime of post pages, in seconds.</summary>
    [Range(0, 31536000)]
    public int PostMaxAgeSeconds { get; set; } = 3600;

    /// <summary>Cache lifetime of the home page, lists, feeds and the sitemap, in seconds.</summary>
    [Range(0, 86400)]
    public int ListMaxAgeSeconds { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SearchPagePath is { } path && !PagePaths.CanHoldSearchPage(path))
        {
            yield return new ValidationResult(
                $"SearchUrl '{path}' cannot hold the search page: give an .html file such as /search.html (not index.html or 404.html, not under /assets/, no query), or an https URL of another site's search page.",
                [nameof(SearchUrl)]);
        }
    }
}
