namespace HealthFunctions.Search.Tests;

/// <summary>Small posts for the search tests.</summary>
internal static class Docs
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static SearchDocument Post(string slug, string title, string body, string[]? tags = null, int daysAgo = 10, DateTimeOffset? expires = null) => new()
    {
        Slug = slug,
        Title = title,
        Tags = tags ?? [],
        Excerpt = body.Length > 80 ? body[..80] : body,
        Body = body,
        Published = Now.AddDays(-daysAgo),
        Expires = expires,
    };

    public static SearchQuery Query(string text) =>
        SearchQuery.TryParse(text, out var query, out var error) ? query : throw new ArgumentException(error);
}
