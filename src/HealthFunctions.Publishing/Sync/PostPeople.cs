using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Sync;

/// <summary>The people a post names: the site's default author fills a missing author, and a name without a profile is a warning.</summary>
public sealed class PostPeople(ProfileLookups profiles)
{
    /// <summary>
    /// Applies the site's default author, and warns (without failing) when the author or a slug-named
    /// reviewer has no profile in <c>authors/</c>.
    /// </summary>
    public async Task<RenderedPost> CheckAsync(RenderedPost post, CancellationToken ct)
    {
        var warnings = post.Warnings.ToList();
        var author = post.Author;
        if (author is null && (await profiles.GetSiteAsync(ct))?.DefaultAuthor is { } defaultAuthor)
        {
            author = defaultAuthor;
        }

        if (author is not null && await profiles.GetAuthorAsync(Slugs.From(author), ct) is null)
        {
            warnings.Add(UnknownAuthor(Slugs.From(author)));
        }

        if (post.ReviewedBy is { } reviewer && Slugs.IsValid(reviewer) && await profiles.GetAuthorAsync(reviewer, ct) is null)
        {
            warnings.Add(UnknownAuthor(reviewer));
        }

        return post with { Author = author, Warnings = warnings };
    }

    /// <summary>The slugs of the profiles a post names, as its status row records them (<see cref="Index.SourceRecord.People"/>).</summary>
    public static IReadOnlyList<string> Named(RenderedPost post) =>
        new[] { post.Author, post.ReviewedBy }.OfType<string>().Select(Slugs.From).Distinct(StringComparer.Ordinal).ToList();

    private static string UnknownAuthor(string slug) =>
        $"author '{slug}' has no profile; upload {SourceNames.AuthorsFolder}{slug}.md.";
}
