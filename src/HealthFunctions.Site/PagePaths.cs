using System.Globalization;
using System.Text.RegularExpressions;

namespace HealthFunctions.Site;

/// <summary>
/// The site's addresses. Every page has a clean address ending in <c>/</c>, stored as
/// <c>index.html</c> in a folder of that name, which the static website serves for the folder.
/// </summary>
public static partial class PagePaths
{
    public const string Home = "/";

    public const string NotFound = "/404.html";

    public const string Feed = "/feed.xml";

    public const string Atom = "/atom.xml";

    public const string Sitemap = "/sitemap.xml";

    public const string Robots = "/robots.txt";

    public static string Post(string slug) => $"/{slug}/";

    public static string Tag(string tagSlug) => $"/tags/{tagSlug}/";

    public static string TagFeed(string tagSlug) => $"/tags/{tagSlug}/feed.xml";

    public static string Author(string slug) => $"/authors/{slug}/";

    public static string Archive(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"/{year:D4}/{month:D2}/");

    /// <summary>
    /// True for a path the search page may be written at: an <c>.html</c> file (<c>/search.html</c>,
    /// <c>/find/search.html</c>) that is not <c>index.html</c>, <c>404.html</c> or under <c>/assets/</c>,
    /// so it can never be the address of a post, a list, a feed or a theme asset.
    /// </summary>
    public static bool CanHoldSearchPage(string path) =>
        SearchPagePattern().IsMatch(path)
        && path != NotFound
        && !path.EndsWith("/index.html", StringComparison.Ordinal)
        && !path.StartsWith("/assets/", StringComparison.Ordinal);

    /// <summary>The blob that holds the page at <paramref name="path"/>: <c>/a/</c> is <c>a/index.html</c>.</summary>
    public static string BlobName(string path)
    {
        var name = path.TrimStart('/');
        return name.Length == 0 || name.EndsWith('/') ? name + "index.html" : name;
    }

    [GeneratedRegex("^(/[A-Za-z0-9_-]+)*/[A-Za-z0-9_-]+\\.html$", RegexOptions.CultureInvariant)]
    private static partial Regex SearchPagePattern();
}
