using HealthFunctions.Publishing.Format;
using HealthFunctions.Publishing.Posts;

namespace HealthFunctions.Cli;

/// <summary>The record <c>render --json</c> prints: everything the index and HTML store would hold for a post.</summary>
public sealed record PublishedRecord(
    string Slug,
    string Title,
    DateTimeOffset Date,
    DateTimeOffset? Updated,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Categories,
    string? Author,
    string? ReviewedBy,
    DateTimeOffset? LastReviewed,
    IReadOnlyList<PostReference> References,
    IReadOnlyList<string> Aliases,
    bool Draft,
    DateTimeOffset? ExpiryDate,
    string? Image,
    string? ImageAlt,
    string Description,
    string Excerpt,
    int WordCount,
    int ReadingMinutes,
    IReadOnlyDictionary<string, object?> Extra,
    string Html)
{
    public static PublishedRecord From(RenderedPost post) => new(
        post.Slug,
        post.Title,
        post.Published,
        post.Updated,
        post.Tags,
        post.Categories,
        post.Author,
        post.ReviewedBy,
        post.LastReviewed,
        post.References,
        post.Aliases,
        post.Draft,
        post.ExpiryDate,
        post.Image,
        post.ImageAlt,
        post.Description,
        post.Excerpt,
        post.WordCount,
        post.ReadingMinutes,
        post.Extra,
        post.Html);
}
