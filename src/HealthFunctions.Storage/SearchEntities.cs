using Azure.Data.Tables;
using HealthFunctions.Search;

namespace HealthFunctions.Storage;

/// <summary>How a search document is stored in a table row (tags joined by new lines, a removal as <c>Removed</c>).</summary>
internal static class SearchEntities
{
    public const string SlugField = "Slug";

    public static TableEntity From(string partition, string rowKey, SearchDocument? document, DateTimeOffset readAt)
    {
        var entity = new TableEntity(partition, rowKey) { ["ReadAt"] = readAt, ["Removed"] = document is null };
        if (document is not null)
        {
            entity["Title"] = document.Title;
            entity["Tags"] = string.Join('\n', document.Tags);
            entity["Excerpt"] = document.Excerpt;
            entity["Body"] = document.Body;
            entity["Published"] = document.Published;
            entity["Updated"] = document.Updated;
            entity["Expires"] = document.Expires;
        }

        return entity;
    }

    public static DateTimeOffset ReadAtOf(TableEntity entity) => entity.GetDateTimeOffset("ReadAt") ?? DateTimeOffset.MinValue;

    public static SearchDocument? ToDocument(TableEntity entity, string slug)
    {
        if (entity.GetBoolean("Removed") == true)
        {
            return null;
        }

        var tags = entity.GetString("Tags");
        return new SearchDocument
        {
            Slug = slug,
            Title = entity.GetString("Title") ?? slug,
            Tags = string.IsNullOrEmpty(tags) ? [] : tags.Split('\n'),
            Excerpt = entity.GetString("Excerpt") ?? string.Empty,
            Body = entity.GetString("Body") ?? string.Empty,
            Published = entity.GetDateTimeOffset("Published") ?? DateTimeOffset.MinValue,
            Updated = entity.GetDateTimeOffset("Updated"),
            Expires = entity.GetDateTimeOffset("Expires"),
        };
    }
}
