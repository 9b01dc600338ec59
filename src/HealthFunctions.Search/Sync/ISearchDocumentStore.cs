namespace HealthFunctions.Search.Sync;

/// <summary>One entry of the change log: a post's new search document, or null when it left search.</summary>
public sealed record SearchChange(string Slug, DateTimeOffset ReadAt, SearchDocument? Document);

/// <summary>
/// The truth behind every instance's search index, in storage: one search document per searchable
/// post, and a change log keyed by time, so an instance asks "what changed since T" with one range
/// query. Each write carries the moment its post row was read (<c>readAt</c>); a write that read
/// earlier than the stored one is dropped, so concurrent publishes of one post keep the newest.
/// </summary>
public interface ISearchDocumentStore
{
    /// <summary>Stores the document and logs the change, unless a write that read later is already stored. Safe to repeat.</summary>
    Task SaveAsync(SearchDocument document, DateTimeOffset readAt, CancellationToken cancellationToken);

    /// <summary>Takes the post out of search and logs it, unless a write that read later is already stored. Safe to repeat.</summary>
    Task DeleteAsync(string slug, DateTimeOffset readAt, CancellationToken cancellationToken);

    /// <summary>Every searchable post's document (what a new instance loads).</summary>
    IAsyncEnumerable<SearchDocument> ListAsync(CancellationToken cancellationToken);

    /// <summary>The changes logged at or after <paramref name="since"/>, oldest first.</summary>
    Task<IReadOnlyList<SearchChange>> ChangesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Removes log entries older than <paramref name="before"/> (the documents hold the state).</summary>
    Task PruneChangesAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
