using HealthFunctions.Publishing.Format;

namespace HealthFunctions.Publishing.Posts;

/// <summary>A post as published: its metadata, derived figures and sanitised HTML.</summary>
public sealed record RenderedPost
{
    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset Published { get; init; }

    /// <summary>The front matter's <c>updated</c> date, when the post gives one.</summary>
    public DateTimeOffset? Updated { get; init; }

    /// <summary>When the post last changed, as it says itself: <see cref="Updated"/>, else <see cref="Published"/>.</summary>
    public DateTimeOffset LastModified => Updated ?? Published;

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Meta description: the front matter summary or description, else the excerpt.</summary>
    public required string Description { get; init; }

    /// <summary>Plain-text teaser for listings, cut at a word boundary.</summary>
    public required string Excerpt { get; init; }

    public required int WordCount { get; init; }

    public required int ReadingMinutes { get; init; }

    public string? Author { get; init; }

    public string? ReviewedBy { get; init; }

    public DateTimeOffset? LastReviewed { get; init; }

    public IReadOnlyList<PostReference> References { get; init; } = [];

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public bool Draft { get; init; }

    public DateTimeOffset? ExpiryDate { get; init; }

    public string? Image { get; init; }

    public string? ImageAlt { get; init; }

    /// <summary>Pixel size of the cover image, when it is a published image.</summary>
    public int? ImageWidth { get; init; }

    public int? ImageHeight { get; init; }

    /// <summary>Things the editor should fix that did not stop publishing (missing images, alt text, unknown author).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();

    /// <summary>The sanitised HTML body (without the title heading).</summary>
    public required string Html { get; init; }

    /// <summary>True when the post may be shown to the public at <paramref name="now"/>.</summary>
    public bool IsPublicAt(DateTimeOffset now) =>
        !Draft && Published <= now && (ExpiryDate is null || ExpiryDate > now);
}
