using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Review;
using HealthFunctions.Site;

namespace HealthFunctions.Api;

/// <summary>
/// A post in a listing: what a "Latest Posts" list shows. <see cref="Updated"/> is when it last
/// changed (its <c>updated</c> front matter, else its publish date). <see cref="Url"/> is the post's
/// page on the site, <see cref="ApiUrl"/> this API's address of it.
/// </summary>
public sealed record PostSummary(
    string Slug,
    string Title,
    DateTimeOffset Published,
    DateTimeOffset Updated,
    string Excerpt,
    int WordCount,
    int ReadingMinutes,
    IReadOnlyList<string> Tags,
    string? Author,
    string Url,
    string ApiUrl,
    string HtmlPath)
{
    /// <summary>The listing row as the API and the CLI's <c>list --json</c> show it.</summary>
    public static PostSummary From(ListingEntry entry, string htmlPath) => new(
        entry.Slug,
        entry.Title,
        entry.Published,
        entry.LastModified,
        entry.Excerpt,
        entry.WordCount,
        entry.ReadingMinutes,
        entry.Tags,
        entry.Author,
        PagePaths.Post(entry.Slug),
        PostsApi.PostUrl(entry.Slug),
        htmlPath);
}

/// <summary>One page of posts. <see cref="Next"/> is the link to the following page; absent on the last page.</summary>
public sealed record PostPage(IReadOnlyList<PostSummary> Items, string? Cursor, string? Next);

public sealed record ReferenceLink(string Title, string? Url);

/// <summary>A whole post: metadata, sanitised HTML and schema.org structured data.</summary>
public sealed record PostDetail(
    string Slug,
    string Title,
    DateTimeOffset Published,
    DateTimeOffset? Updated,
    string Description,
    string Excerpt,
    int WordCount,
    int ReadingMinutes,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> Categories,
    string? Author,
    string? ReviewedBy,
    DateTimeOffset? LastReviewed,
    bool ReviewDue,
    IReadOnlyList<ReferenceLink> References,
    string? Image,
    string? ImageAlt,
    int? ImageWidth,
    int? ImageHeight,
    Person? AuthorProfile,
    Person? Reviewer,
    string Url,
    string ApiUrl,
    string HtmlPath,
    string Html,
    object JsonLd,
    IReadOnlyList<RelatedPostLink> Related);

/// <summary>A related post (shared tags and similar text, newest first among equals), as the post response lists it.</summary>
public sealed record RelatedPostLink(string Slug, string Title, DateTimeOffset Published, string Url, string ApiUrl);

/// <summary>A writer or reviewer as shown beside a post. <see cref="Slug"/> and <see cref="Url"/> are set when a profile exists.</summary>
public sealed record Person(string? Slug, string Name, string? Credentials, string? Avatar, string? Url);

/// <summary>An author's profile page.</summary>
public sealed record AuthorDetail(
    string Slug,
    string Name,
    string? Credentials,
    string BioHtml,
    string? Avatar,
    int? AvatarWidth,
    int? AvatarHeight,
    IReadOnlyList<ReferenceLink> Links,
    string PostsUrl);

/// <summary>The blog's settings from site.yaml (or the configured defaults before one is uploaded).</summary>
public sealed record SiteInfo(string Title, string? Description, string? AboutHtml, string? BaseUrl, string Language, string? DefaultAuthor);

public sealed record TagCount(string Tag, string Slug, int Count);

public sealed record TagList(IReadOnlyList<TagCount> Items);

/// <summary>Processing status of one uploaded source file, for editors and operators.</summary>
public sealed record SourceStatus(string Blob, string Kind, string State, string? Message, IReadOnlyList<string> Warnings, string? Slug, DateTimeOffset ProcessedAt)
{
    public static SourceStatus From(SourceRecord record) =>
        new(record.BlobName, record.Kind.ToString(), record.State.ToString(), record.Message, record.Warnings, record.Slug, record.ProcessedAt);

    /// <summary>Files that could not be published first, then ignored ones, then the rest; by name within each.</summary>
    public static IReadOnlyList<SourceStatus> FailuresFirst(IEnumerable<SourceStatus> items) =>
        items
            .OrderBy(i => i.State switch
            {
                nameof(SourceState.Failed) or nameof(SourceState.Conflict) => 0,
                nameof(SourceState.Ignored) => 1,
                _ => 2,
            })
            .ThenBy(i => i.Blob, StringComparer.Ordinal)
            .ToList();

    public bool IsFailure => State is nameof(SourceState.Failed) or nameof(SourceState.Conflict);
}

public sealed record SourceStatusList(IReadOnlyList<SourceStatus> Items);

/// <summary>A post due for medical review (see <c>Review:MaxAgeMonths</c>); <c>lastReviewed</c> is null when it never was.</summary>
public sealed record ReviewDueItem(string Slug, string Title, string? ReviewedBy, DateTimeOffset? LastReviewed, DateTimeOffset? DueSince, string ApiUrl)
{
    public static ReviewDueItem From(ReviewDue due) =>
        new(due.Slug, due.Title, due.ReviewedBy, due.LastReviewed, due.DueSince, PostsApi.PostUrl(due.Slug));
}

public sealed record ReviewDueList(IReadOnlyList<ReviewDueItem> Items);
