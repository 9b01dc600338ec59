using HealthFunctions.Publishing.Posts;
using HealthFunctions.Publishing.Text;

namespace HealthFunctions.Publishing.Sync;

/// <summary>The people a post names: the default author and the profiles it should have.</summary>
public sealed partial class ContentSync
{
    /// <summary>
    /// Applies the site's default author, and warns (without failing) when the author or a slug-named
    /// reviewer has no profile in <c>authors/</c>.
    /// </summary>
    private async Task<RenderedPost> CheckPeopleAsync(RenderedPost post, CancellationToken ct)
    {
        var warnings = post.Warnings.ToList();
        var author = post.Author;
        if (author is null && (await _profiles.GetSiteAsync(ct))?.DefaultAuthor is { } defaultAuthor)
        {
            author = defaultAuthor;
        }

        if (author is not null && await _profiles.GetAuthorAsync(Slugs.From(author), ct) is null)
        {
            warnings.Add(UnknownAuthor(Slugs.From(author)));
        }

        if (post.ReviewedBy is { } reviewer && Slugs.IsValid(reviewer) && await _profiles.GetAuthorAsync(reviewer, ct) is null)
        {
            warnings.Add(UnknownAuthor(reviewer));
        }

        return post with { Author = author, Warnings = warnings };
    }

    private static string UnknownAuthor(string slug) =>
        $"author '{slug}' has no profile; upload {SourceNames.AuthorsFolder}{slug}.md.";

    private static string? Describe(string? message, IReadOnlyList<string> warnings) =>
        warnings.Count == 0 ? message : string.Join(" ", new[] { message }.Concat(warnings.Select(w => "Warning: " + w)).OfType<string>());
}
