using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Sources;

namespace HealthFunctions.Publishing.Index;

/// <summary>One row of a listing: what the "Latest Posts" list and feeds need, without the body.</summary>
public sealed record ListingEntry
{
    public required IndexKey Key { get; init; }

    public required string Slug { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    /// <summary>When the post last changed, as it says itself: <see cref="Updated"/>, else <see cref="Published"/>.</summary>
    public DateTimeOffset LastModified => Updated ?? Published;

    public required string Excerpt { get; init; }

    public required int WordCount { get; init; }

    public required int ReadingMinutes { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public string? Author { get; init; }

    public DateTimeOffset? Expires { get; init; }

    /// <summary>The post asks search engines to leave it out (<c>noindex: true</c>).</summary>
    public bool NoIndex { get; init; }

    /// <summary>The post's <c>canonicalUrl:</c>, when it names the address to index instead of this page.</summary>
    public string? CanonicalUrl { get; init; }

    /// <summary>True when a sitemap of the site at <paramref name="siteBaseUrl"/> lists this post.</summary>
    public bool InSitemap(string siteBaseUrl) => PostIndexing.InSitemap(NoIndex, CanonicalUrl, siteBaseUrl);

    public static ListingEntry From(RenderedPost post, IndexKey key) => new()
    {
        Key = key,
        Slug = post.Slug,
        Title = post.Title,
        Published = post.Published,
        Updated = post.Updated,
        Excerpt = post.Excerpt,
        WordCount = post.WordCount,
        ReadingMinutes = post.ReadingMinutes,
        Tags = post.Tags,
        Author = post.Author,
        Expires = post.ExpiryDate,
        NoIndex = PostIndexing.NoIndex(post),
        CanonicalUrl = PostIndexing.CanonicalUrl(post),
    };
}

/// <summary>The index's record of one post, by slug: its metadata, where its HTML is and which source file owns the slug.</summary>
public sealed record PostEntry
{
    public required RenderedPost Post { get; init; }

    public required string SourceBlob { get; init; }

    public required string HtmlLocation { get; init; }

    /// <summary>Optimistic-concurrency tag of the stored row; null for a row not yet stored.</summary>
    public string? ETag { get; init; }
}

/// <summary>What happened to a source file the last time it was processed.</summary>
public enum SourceState
{
    Published,
    Draft,
    Failed,
    Conflict,

    /// <summary>Not something the blog publishes (a name starting with '.' or '_', an SVG, an unusable name); the message says why.</summary>
    Ignored,
}

/// <summary>The index's status row for one source file: state, message for the editor, and the rows it owns.</summary>
public sealed record SourceRecord
{
    public required string BlobName { get; init; }

    public required SourceState State { get; init; }

    public string? Message { get; init; }

    /// <summary>The slug the file's published post lives at (kept while a later version fails).</summary>
    public string? Slug { get; init; }

    public required string BlobETag { get; init; }

    public required DateTimeOffset BlobLastModified { get; init; }

    public required DateTimeOffset ProcessedAt { get; init; }

    public IReadOnlyList<IndexKey> IndexKeys { get; init; } = [];

    /// <summary>What the file is (post, author, site settings, image).</summary>
    public SourceKind Kind { get; init; } = SourceKind.Post;

    /// <summary>Problems that did not stop publishing (missing image, no alt text, unknown author).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>
    /// The profiles a post names (its author, the site's default author when it names none, and its
    /// reviewer), by slug: the posts to publish again when one of those profiles changes. Null on a
    /// row written before this was recorded, which then counts as naming every profile.
    /// </summary>
    public IReadOnlyList<string>? People { get; init; }

    /// <summary>Optimistic-concurrency tag of the stored row; null for a row not yet stored.</summary>
    public string? ETag { get; init; }

    /// <summary>True when this post must be published again because the profile <paramref name="slug"/> changed.</summary>
    public bool Names(string slug) => People?.Contains(slug, StringComparer.Ordinal) ?? true;
}

/// <summary>One page of a listing plus the row key to continue after, if there is more.</summary>
public sealed record ListingPage(IReadOnlyList<ListingEntry> Items, string? ContinueAfter);
