namespace HealthFunctions.Api;

/// <summary>Settings of the public HTTP API. Bound to the "Api" section.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>Seconds browsers and CDNs may cache listings before asking again (they revalidate with the ETag).</summary>
    public int ListingMaxAgeSeconds { get; set; } = 60;

    /// <summary>Seconds a single post may be cached.</summary>
    public int PostMaxAgeSeconds { get; set; } = 300;
}
