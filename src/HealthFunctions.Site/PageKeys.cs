using System.Globalization;

namespace HealthFunctions.Site;

/// <summary>
/// Names of the site's pages as units of work: one key per page (or per page and its feed). A
/// queue message names a key, so two messages for one page are the same work and coalesce.
/// </summary>
public static class PageKeys
{
    public const string Home = "home";

    public const string Feeds = "feeds";

    public const string Sitemap = "sitemap";

    public const string NotFound = "notfound";

    /// <summary>The search page's key is this and its path (<c>search/search.html</c>), so a new <c>Site:SearchUrl</c> is a new page.</summary>
    public const string SearchPrefix = "search/";

    /// <summary>
    /// Not a page: recorded among the pages linking to a post that was in "Latest Posts" when its page
    /// was written, since then any page may link to it from its sidebar.
    /// </summary>
    public const string Sidebar = "sidebar";

    public const string PostPrefix = "post/";

    public const string TagPrefix = "tag/";

    public const string AuthorPrefix = "author/";

    public const string ArchivePrefix = "archive/";

    /// <summary>The shared pages every public post appears on.</summary>
    public static readonly IReadOnlyList<string> Shared = [Home, Feeds, Sitemap];

    public static string Post(string slug) => PostPrefix + slug;

    /// <summary>The search page written at <paramref name="path"/> (<see cref="PagePaths.CanHoldSearchPage"/>).</summary>
    public static string Search(string path) => "search" + path;

    /// <summary>The path a search page's key names.</summary>
    public static string SearchPath(string key) => key["search".Length..];

    public static string Tag(string tagSlug) => TagPrefix + tagSlug;

    public static string Author(string slug) => AuthorPrefix + slug;

    public static string Archive(DateTimeOffset month) => ArchivePrefix + month.UtcDateTime.ToString("yyyy/MM", CultureInfo.InvariantCulture);

    /// <summary>The first day of the month an archive key names.</summary>
    public static DateTimeOffset ArchiveMonth(string key)
    {
        var parts = key[ArchivePrefix.Length..].Split('/');
        return new DateTimeOffset(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), 1, 0, 0, 0, TimeSpan.Zero);
    }

    /// <summary>The files a key's page is made of; the last one carries the page's stamp and is written last.</summary>
    public static IReadOnlyList<string> PathsOf(string key) => key switch
    {
        Home => [PagePaths.Home],
        Feeds => [PagePaths.Atom, PagePaths.Feed],
        Sitemap => [PagePaths.Robots, PagePaths.Sitemap],
        NotFound => [PagePaths.NotFound],
        _ when key.StartsWith(SearchPrefix, StringComparison.Ordinal) => [SearchPath(key)],
        _ when key.StartsWith(PostPrefix, StringComparison.Ordinal) => [PagePaths.Post(key[PostPrefix.Length..])],
        _ when key.StartsWith(TagPrefix, StringComparison.Ordinal) => [PagePaths.TagFeed(key[TagPrefix.Length..]), PagePaths.Tag(key[TagPrefix.Length..])],
        _ when key.StartsWith(AuthorPrefix, StringComparison.Ordinal) => [PagePaths.Author(key[AuthorPrefix.Length..])],
        _ when key.StartsWith(ArchivePrefix, StringComparison.Ordinal) => [ArchivePath(ArchiveMonth(key))],
        _ => throw new ArgumentException($"'{key}' is not a page key.", nameof(key)),
    };

    public static string ArchivePath(DateTimeOffset month) => PagePaths.Archive(month.UtcDateTime.Year, month.UtcDateTime.Month);

    /// <summary>True for a key this site knows (messages from elsewhere are dropped).</summary>
    public static bool IsValid(string key)
    {
        if (key.StartsWith(SearchPrefix, StringComparison.Ordinal))
        {
            return PagePaths.CanHoldSearchPage(SearchPath(key));
        }

        try
        {
            return PathsOf(key).Count > 0 && key.Split('/').Skip(1).All(part => part.Length > 0 && part.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            return false;
        }
    }
}
