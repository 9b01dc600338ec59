namespace HealthFunctions.Search;

/// <summary>One post found: its listing fields and a short snippet, HTML-escaped with only <c>&lt;mark&gt;</c> added.</summary>
public sealed record SearchHit(string Slug, string Title, DateTimeOffset Published, IReadOnlyList<string> Tags, string Snippet, double Score);

/// <summary>One page of hits, best first, and the offset the next page starts at when there is one.</summary>
public sealed record SearchPage(IReadOnlyList<SearchHit> Items, int? NextOffset);

/// <summary>A post like another one, as the related-posts list shows it.</summary>
public sealed record RelatedPost(string Slug, string Title, DateTimeOffset Published, DateTimeOffset? Expires = null);

/// <summary>
/// Full-text search over public posts. Implementations hold only posts that are not drafts and
/// decide at query time, against <c>now</c>, which of them are published and not yet expired.
/// </summary>
public interface ISearchIndex
{
    /// <summary>Adds or replaces the post stored under <see cref="SearchDocument.Slug"/>. Safe to repeat.</summary>
    Task UpsertAsync(SearchDocument document, CancellationToken cancellationToken);

    /// <summary>Removes the post under <paramref name="slug"/>, if there is one. Safe to repeat.</summary>
    Task RemoveAsync(string slug, CancellationToken cancellationToken);

    /// <summary>The posts matching <paramref name="query"/> that are public at <paramref name="now"/>, best first; null when the query has no searchable word (only stop words or punctuation).</summary>
    Task<SearchPage?> SearchAsync(SearchQuery query, DateTimeOffset now, int offset, int limit, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="count"/> public posts most like <paramref name="slug"/>, newest first among equals.</summary>
    Task<IReadOnlyList<RelatedPost>> RelatedAsync(string slug, DateTimeOffset now, int count, CancellationToken cancellationToken);
}
