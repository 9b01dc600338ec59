using System.Net;
using System.Text.RegularExpressions;
using HealthFunctions.Publishing.Posts;

namespace HealthFunctions.Search.Sync;

/// <summary>Makes a post's search document from the post as published.</summary>
public static partial class SearchDocuments
{
    public static SearchDocument From(RenderedPost post)
    {
        ArgumentNullException.ThrowIfNull(post);
        return new SearchDocument
        {
            Slug = post.Slug,
            Title = post.Title,
            Tags = post.Tags,
            Excerpt = post.Excerpt,
            Body = TextOf(post.Html),
            Published = post.Published,
            Updated = post.Updated,
            Expires = post.ExpiryDate,
        };
    }

    /// <summary>
    /// The text of sanitised HTML: tags become spaces and entities are decoded. The input is the
    /// sanitiser's output (no scripts or comments), so dropping tags leaves what a reader sees.
    /// </summary>
    public static string TextOf(string html)
    {
        var text = WebUtility.HtmlDecode(Tag().Replace(html, " "));
        var collapsed = Space().Replace(text, " ").Trim();
        return collapsed.Length <= SearchDocument.MaxBodyChars ? collapsed : Lucene.PostFields.Cut(collapsed);
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
