namespace HealthFunctions.Api;

/// <summary>A post in a listing: what a "Latest Posts" list shows.</summary>
public sealed record PostSummary(
    string Slug,
    string Title,
    DateTimeOffset Published,
    DateTimeOffset? Updated,
    string Excerpt,
    int WordCount,
    int ReadingMinutes,
    IReadOnlyList<string> Tags,
    string? Author,
    string Url,
    string HtmlPath);

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
    IReadOnlyList<ReferenceLink> References,
    string? Image,
    string? ImageAlt,
    string Url,
    string HtmlPath,
    string Html,
    object JsonLd);

public sealed record TagCount(string Tag, string Slug, int Count);

public sealed record TagList(IReadOnlyList<TagCount> Items);

/// <summary>Processing status of one uploaded source file, for editors and operators.</summary>
public sealed record SourceStatus(string Blob, string State, string? Message, string? Slug, DateTimeOffset ProcessedAt);

public sealed record SourceStatusList(IReadOnlyList<SourceStatus> Items);
