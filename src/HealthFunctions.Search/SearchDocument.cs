namespace HealthFunctions.Search;

/// <summary>
/// What the search index holds for one public post: the fields a reader searches and the dates that
/// decide whether the post may be shown at a given moment.
/// </summary>
public sealed record SearchDocument
{
    /// <summary>The most article text indexed per post; past it the body is cut at a word boundary.</summary>
    public const int MaxBodyChars = 30_000;

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public required string Excerpt { get; init; }

    /// <summary>The article as plain text (no markup).</summary>
    public required string Body { get; init; }

    public required DateTimeOffset Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>True when the post may be shown to the public at <paramref name="now"/>.</summary>
    public bool IsVisibleAt(DateTimeOffset now) => Published <= now && (Expires is null || Expires > now);
}
