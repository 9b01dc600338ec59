using Azure.Data.Tables;
using HealthFunctions.Publishing.Index;
using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Sources;
using HealthFunctions.Publishing.Sync;

namespace HealthFunctions.Storage;

/// <summary>How the index's records map to table entities, property by property.</summary>
internal static class IndexEntities
{
    /// <summary>Stored in place of "never expires", so the expiry filter can compare every row.</summary>
    public static readonly DateTimeOffset NeverExpires = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A status row. Its message and warnings are cut to size (<see cref="StatusText"/>), so writing it cannot fail for being too large.</summary>
    public static TableEntity FromSource(SourceRecord record, string partition, string rowKey) => new(partition, rowKey)
    {
        ["BlobName"] = record.BlobName,
        ["State"] = record.State.ToString(),
        ["Message"] = StatusText.Clip(record.Message),
        ["Slug"] = record.Slug,
        ["BlobETag"] = record.BlobETag,
        ["BlobLastModified"] = record.BlobLastModified,
        ["ProcessedAt"] = record.ProcessedAt,
        ["IndexKeys"] = IndexJson.WriteKeys(record.IndexKeys),
        ["Kind"] = record.Kind.ToString(),
        ["Warnings"] = IndexJson.Write(StatusText.Bound(record.Warnings)),
        ["People"] = record.People is null ? null : IndexJson.Write(record.People),
    };

    public static SourceRecord ToSource(TableEntity e) => new()
    {
        BlobName = e.GetString("BlobName"),
        State = Enum.Parse<SourceState>(e.GetString("State")),
        Message = e.GetString("Message"),
        Slug = e.GetString("Slug"),
        BlobETag = e.GetString("BlobETag"),
        BlobLastModified = e.GetDateTimeOffset("BlobLastModified") ?? DateTimeOffset.MinValue,
        ProcessedAt = e.GetDateTimeOffset("ProcessedAt") ?? DateTimeOffset.MinValue,
        IndexKeys = IndexJson.Keys(e.GetString("IndexKeys")),
        Kind = Enum.TryParse<SourceKind>(e.GetString("Kind"), out var kind) ? kind : SourceKind.Post,
        Warnings = IndexJson.Strings(e.GetString("Warnings")),
        People = e.GetString("People") is { } people ? IndexJson.Strings(people) : null,
        ETag = e.ETag.ToString(),
    };

    public static TableEntity FromPost(PostEntry entry)
    {
        var post = entry.Post;
        return new TableEntity(TablePostIndex.PostPartition, post.Slug)
        {
            ["SourceBlob"] = entry.SourceBlob,
            ["HtmlLocation"] = entry.HtmlLocation,
            ["Title"] = post.Title,
            ["Published"] = post.Published,
            ["Updated"] = post.Updated,
            ["Tags"] = IndexJson.Write(post.Tags),
            ["Categories"] = IndexJson.Write(post.Categories),
            ["Description"] = post.Description,
            ["Excerpt"] = post.Excerpt,
            ["WordCount"] = post.WordCount,
            ["ReadingMinutes"] = post.ReadingMinutes,
            ["Author"] = post.Author,
            ["ReviewedBy"] = post.ReviewedBy,
            ["LastReviewed"] = post.LastReviewed,
            ["References"] = IndexJson.Write(post.References),
            ["Aliases"] = IndexJson.Write(post.Aliases),
            ["Draft"] = post.Draft,
            ["ExpiryDate"] = post.ExpiryDate,
            ["Image"] = post.Image,
            ["ImageAlt"] = post.ImageAlt,
            ["ImageWidth"] = post.ImageWidth,
            ["ImageHeight"] = post.ImageHeight,
            ["Extra"] = IndexJson.Write(post.Extra),
        };
    }

    public static PostEntry ToPost(TableEntity e) => new()
    {
        SourceBlob = e.GetString("SourceBlob"),
        HtmlLocation = e.GetString("HtmlLocation"),
        ETag = e.ETag.ToString(),
        Post = new RenderedPost
        {
            Slug = e.RowKey,
            Title = e.GetString("Title"),
            Published = e.GetDateTimeOffset("Published") ?? DateTimeOffset.MinValue,
            Updated = e.GetDateTimeOffset("Updated"),
            Tags = IndexJson.Strings(e.GetString("Tags")),
            Categories = IndexJson.Strings(e.GetString("Categories")),
            Description = e.GetString("Description") ?? string.Empty,
            Excerpt = e.GetString("Excerpt") ?? string.Empty,
            WordCount = e.GetInt32("WordCount") ?? 0,
            ReadingMinutes = e.GetInt32("ReadingMinutes") ?? 0,
            Author = e.GetString("Author"),
            ReviewedBy = e.GetString("ReviewedBy"),
            LastReviewed = e.GetDateTimeOffset("LastReviewed"),
            References = IndexJson.References(e.GetString("References")),
            Aliases = IndexJson.Strings(e.GetString("Aliases")),
            Draft = e.GetBoolean("Draft") ?? false,
            ExpiryDate = e.GetDateTimeOffset("ExpiryDate"),
            Image = e.GetString("Image"),
            ImageAlt = e.GetString("ImageAlt"),
            ImageWidth = e.GetInt32("ImageWidth"),
            ImageHeight = e.GetInt32("ImageHeight"),
            Extra = IndexJson.Extra(e.GetString("Extra")),
            Html = string.Empty,
        },
    };

    public static TableEntity FromListing(ListingEntry entry) => new(entry.Key.Partition, entry.Key.Row)
    {
        ["Slug"] = entry.Slug,
        ["Title"] = entry.Title,
        ["Published"] = entry.Published,
        ["Updated"] = entry.Updated,
        ["Excerpt"] = entry.Excerpt,
        ["WordCount"] = entry.WordCount,
        ["ReadingMinutes"] = entry.ReadingMinutes,
        ["Tags"] = IndexJson.Write(entry.Tags),
        ["Author"] = entry.Author,
        ["Expires"] = entry.Expires ?? NeverExpires,
        ["NoIndex"] = entry.NoIndex,
        ["CanonicalUrl"] = entry.CanonicalUrl,
    };

    public static ListingEntry ToListing(TableEntity e)
    {
        var expires = e.GetDateTimeOffset("Expires");
        return new ListingEntry
        {
            Key = new IndexKey(e.PartitionKey, e.RowKey),
            Slug = e.GetString("Slug"),
            Title = e.GetString("Title"),
            Published = e.GetDateTimeOffset("Published") ?? DateTimeOffset.MinValue,
            Updated = e.GetDateTimeOffset("Updated"),
            Excerpt = e.GetString("Excerpt") ?? string.Empty,
            WordCount = e.GetInt32("WordCount") ?? 0,
            ReadingMinutes = e.GetInt32("ReadingMinutes") ?? 0,
            Tags = IndexJson.Strings(e.GetString("Tags")),
            Author = e.GetString("Author"),
            Expires = expires == NeverExpires ? null : expires,
            NoIndex = e.GetBoolean("NoIndex") ?? false,
            CanonicalUrl = e.GetString("CanonicalUrl"),
        };
    }
}
