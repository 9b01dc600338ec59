using HealthFunctions.Publishing.Format;

namespace HealthFunctions.Publishing.Posts;

/// <summary>The typed fields of a post's YAML front matter. Every field is optional here; defaults are applied by <see cref="PostRenderer"/>.</summary>
public sealed record FrontMatter
{
    public static readonly FrontMatter Empty = new();

    /// <summary>Key in <see cref="Extra"/> of <c>canonicalUrl:</c>, the address search engines should index instead of this page.</summary>
    public const string CanonicalUrlField = "canonicalUrl";

    /// <summary>Key in <see cref="Extra"/> of <c>noindex: true</c>, which asks search engines to leave the page out.</summary>
    public const string NoIndexField = "noindex";

    public string? Title { get; init; }

    public DateTimeOffset? Date { get; init; }

    /// <summary>Why the <c>date</c> field could not be read, when it was given but is not a date.</summary>
    public PostFormatException? UnreadableDate { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public string? Slug { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public string? Summary { get; init; }

    public string? Description { get; init; }

    public string? Author { get; init; }

    public bool Draft { get; init; }

    public DateTimeOffset? ExpiryDate { get; init; }

    public string? ReviewedBy { get; init; }

    public DateTimeOffset? LastReviewed { get; init; }

    public IReadOnlyList<PostReference> References { get; init; } = [];

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public string? Image { get; init; }

    public string? ImageAlt { get; init; }

    /// <summary>Fields this system does not know, kept as plain values (text, lists, maps).</summary>
    public IReadOnlyDictionary<string, object?> Extra { get; init; } = new Dictionary<string, object?>();
}
