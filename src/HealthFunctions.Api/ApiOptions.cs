namespace HealthFunctions.Api;

/// <summary>Settings of the public HTTP API. Bound to the "Api" section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Seconds browsers and CDNs may cache listings before asking again (they revalidate with the ETag).</summary>
    public int ListingMaxAgeSeconds { get; set; } = 60;

    /// <summary>Seconds a single post may be cached.</summary>
    public int PostMaxAgeSeconds { get; set; } = 300;

    /// <summary>Public address of the blog (feed and sitemap links). Empty: the address the request came to.</summary>
    public string SiteUrl { get; set; } = string.Empty;

    /// <summary>Path of a post page on the blog, with <c>{slug}</c> in it.</summary>
    public string PostPath { get; set; } = "/{slug}/";

    public string SiteTitle { get; set; } = "Trending Health And Medical Information For Healthy Living";

    public string SiteDescription { get; set; } = "Health and medical articles for healthy living.";
}
