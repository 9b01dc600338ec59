using Lucene.Net.Documents;

namespace HealthFunctions.Search.Lucene;

/// <summary>The Lucene fields of a post and how a <see cref="SearchDocument"/> maps onto them.</summary>
internal static class PostFields
{
    public const string Slug = "slug";
    public const string Title = "title";
    public const string Tags = "tags";
    public const string Tag = "tag";
    public const string Excerpt = "excerpt";
    public const string Body = "body";
    public const string Published = "published";
    public const string Expires = "expires";

    /// <summary>The searched fields and their boosts: a title or tag match outranks an excerpt or body match.</summary>
    public static readonly (string Field, float Boost)[] Searched = [(Title, 4f), (Tags, 3f), (Excerpt, 1.5f), (Body, 1f)];

    public static Document ToDocument(SearchDocument post)
    {
        var doc = new Document
        {
            new StringField(Slug, post.Slug, Field.Store.YES),
            new TextField(Title, post.Title, Field.Store.YES),
            new TextField(Excerpt, post.Excerpt, Field.Store.YES),
            new TextField(Body, Cut(post.Body), Field.Store.YES),
            new Int64Field(Published, post.Published.UtcTicks, Field.Store.YES),
            new Int64Field(Expires, post.Expires?.UtcTicks ?? long.MaxValue, Field.Store.YES),
        };
        foreach (var tag in post.Tags)
        {
            doc.Add(new TextField(Tags, tag, Field.Store.YES));
            doc.Add(new StringField(Tag, tag.ToLowerInvariant(), Field.Store.NO));
        }

        return doc;
    }

    public static DateTimeOffset PublishedOf(Document doc) =>
        new(doc.GetField(Published).GetInt64Value() ?? 0, TimeSpan.Zero);

    public static DateTimeOffset? ExpiresOf(Document doc) =>
        doc.GetField(Expires)?.GetInt64Value() is { } ticks && ticks != long.MaxValue ? new DateTimeOffset(ticks, TimeSpan.Zero) : null;

    public static string Cut(string body)
    {
        if (body.Length <= SearchDocument.MaxBodyChars)
        {
            return body;
        }

        var end = body.LastIndexOf(' ', SearchDocument.MaxBodyChars);
        return body[..(end > 0 ? end : SearchDocument.MaxBodyChars)];
    }
}
