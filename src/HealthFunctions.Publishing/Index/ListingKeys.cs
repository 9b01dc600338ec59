using System.Globalization;
using System.Text.RegularExpressions;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Index;

/// <summary>
/// How listing rows are keyed. Every listing (all posts, one tag, one author) is its own
/// partition; the row key starts with the publish time inverted into 19 digits, so the table's
/// natural ascending order is newest first, and the slug makes equal times unique. "Posts
/// published by now" is then the range <c>RowKey &gt;= RowKeyFloor(now)</c>: one range query
/// reads exactly the page it returns, and scheduled posts appear by themselves when their time comes.
/// </summary>
public static partial class ListingKeys
{
    public const string AllPosts = "listing";

    public static string ForTag(string tag) => "tag:" + Slugs.From(tag);

    public static string ForAuthor(string authorSlug) => "author:" + authorSlug;

    public static string RowKey(DateTimeOffset published, string slug) => InvertedTicks(published) + "-" + slug;

    /// <summary>The smallest row key a post published at or before <paramref name="now"/> can have.</summary>
    public static string RowKeyFloor(DateTimeOffset now) => InvertedTicks(now);

    /// <summary>All the listing rows a public post appears in.</summary>
    public static IReadOnlyList<IndexKey> For(DateTimeOffset published, string slug, IEnumerable<string> tags, string? authorSlug)
    {
        var row = RowKey(published, slug);
        var keys = new List<IndexKey> { new(AllPosts, row) };
        keys.AddRange(tags.Select(ForTag).Distinct(StringComparer.Ordinal).Select(partition => new IndexKey(partition, row)));
        if (authorSlug is not null)
        {
            keys.Add(new IndexKey(ForAuthor(authorSlug), row));
        }

        return keys;
    }

    public static bool IsRowKey(string value) => RowKeyPattern().IsMatch(value);

    private static string InvertedTicks(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);

    [GeneratedRegex("^[0-9]{19}-[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RowKeyPattern();
}
