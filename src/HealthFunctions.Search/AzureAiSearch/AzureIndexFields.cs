using System.Buffers.Text;
using System.Text;
using HealthFunctions.Search.Lucene;

namespace HealthFunctions.Search.AzureAiSearch;

/// <summary>
/// The Azure AI Search index schema in code (docs/deploy.md has it as JSON) and how a
/// <see cref="SearchDocument"/> maps onto it.
/// </summary>
public static class AzureIndexFields
{
    public const string Key = "id";
    public const string Slug = "slug";
    public const string Title = "title";
    public const string Tags = "tags";
    public const string Excerpt = "excerpt";
    public const string Body = "body";
    public const string Published = "published";
    public const string Updated = "updated";
    public const string Expires = "expires";
    public const string Draft = "draft";

    /// <summary>The index's scoring profile, holding the field weights of <see cref="Searched"/>.</summary>
    public const string ScoringProfile = "posts";

    /// <summary>The searched fields and their weights, the boosts the embedded Lucene index uses.</summary>
    public static readonly (string Field, double Weight)[] Searched = [(Title, 4), (Tags, 3), (Excerpt, 1.5), (Body, 1)];

    /// <summary>
    /// The document key for a slug. Keys allow only letters, digits, <c>-</c>, <c>_</c> and <c>=</c>,
    /// and may not start with <c>_</c>; base64url of the UTF-8 slug (no padding) is unique per slug
    /// and always allowed. A leading <c>k</c> keeps it from starting with <c>_</c>.
    /// </summary>
    public static string KeyOf(string slug) => "k" + Base64Url.EncodeToString(Encoding.UTF8.GetBytes(slug));

    /// <summary>
    /// The index document of a post. The highlight markers are taken out of every text field, so
    /// the only markers in a highlight are the ones Azure AI Search adds.
    /// </summary>
    public static AzureIndexDocument ToIndexDocument(SearchDocument post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new AzureIndexDocument(
            KeyOf(post.Slug),
            post.Slug,
            Clean(post.Title),
            post.Tags.Select(Clean).ToList(),
            Clean(post.Excerpt),
            Clean(PostFields.Cut(post.Body)),
            post.Published.ToUniversalTime(),
            post.Updated?.ToUniversalTime(),
            post.Expires?.ToUniversalTime(),
            Draft: false);
    }

    private static string Clean(string text) =>
        text.Contains(AzureSnippets.MarkStart, StringComparison.Ordinal) || text.Contains(AzureSnippets.MarkEnd, StringComparison.Ordinal)
            ? text.Replace(AzureSnippets.MarkStart, string.Empty, StringComparison.Ordinal).Replace(AzureSnippets.MarkEnd, string.Empty, StringComparison.Ordinal)
            : text;
}
