using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using HealthFunctions.Publishing.Posts;

namespace HealthFunctions.Publishing.Tests.Support;

/// <summary>
/// The JSON record <c>healthfunctions render FILE --json</c> prints (the CLI's PublishedRecord, with the
/// same serializer settings), rebuilt here so these tests need not reference the CLI and its storage stack.
/// </summary>
internal static class PublishedJson
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(RenderedPost post) => JsonSerializer.Serialize(
        new
        {
            post.Slug,
            post.Title,
            Date = post.Published,
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
            post.Html,
        },
        Indented);

    public static JsonObject Parse(RenderedPost post) => JsonNode.Parse(Serialize(post))!.AsObject();
}
