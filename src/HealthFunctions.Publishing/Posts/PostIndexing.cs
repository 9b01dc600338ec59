using System.Text.Json;

namespace HealthFunctions.Publishing.Posts;

/// <summary>
/// What a post asks of search engines (<c>noindex:</c> and <c>canonicalUrl:</c>), read the same way
/// from a freshly rendered post and from one read back from the index, where the values are JSON.
/// </summary>
public static class PostIndexing
{
    /// <summary>The post's <c>canonicalUrl:</c> front matter, if given.</summary>
    public static string? CanonicalUrl(RenderedPost post) =>
        post.Extra.TryGetValue(FrontMatter.CanonicalUrlField, out var value) ? value switch
        {
            string text => text,
            Uri uri => uri.ToString(),
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            _ => null,
        } : null;

    /// <summary>The post's <c>noindex:</c> front matter.</summary>
    public static bool NoIndex(RenderedPost post) =>
        post.Extra.TryGetValue(FrontMatter.NoIndexField, out var value) && value switch
        {
            bool flag => flag,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            _ => false,
        };

    /// <summary>
    /// True when a sitemap of the site at <paramref name="siteBaseUrl"/> should list the post: it does
    /// not ask to be left out, and its canonical address, if any, is on this site.
    /// </summary>
    public static bool InSitemap(bool noIndex, string? canonicalUrl, string siteBaseUrl) =>
        !noIndex && (canonicalUrl is null || SameSite(canonicalUrl, siteBaseUrl));

    private static bool SameSite(string url, string siteBaseUrl) =>
        Uri.TryCreate(url, UriKind.Absolute, out var target) && Uri.TryCreate(siteBaseUrl, UriKind.Absolute, out var site)
            && Uri.Compare(target, site, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
}
