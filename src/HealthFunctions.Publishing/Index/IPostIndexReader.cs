namespace HealthFunctions.Publishing.Index;

/// <summary>The index as readers see it: posts by slug, listing pages, aliases of old slugs.</summary>
public interface IPostIndexReader
{
    Task<PostEntry?> GetPostAsync(string slug, CancellationToken cancellationToken);

    /// <summary>
    /// Newest-first page of a listing partition, published at or before <paramref name="now"/> and
    /// not expired, starting after <paramref name="continueAfter"/>. One range query.
    /// </summary>
    Task<ListingPage> QueryListingAsync(string partition, string? continueAfter, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    Task<string?> GetAliasAsync(string alias, CancellationToken cancellationToken);

    /// <summary>Every post row in full (one partition query, without the HTML), for editor reports.</summary>
    IAsyncEnumerable<PostEntry> ListPostEntriesAsync(CancellationToken cancellationToken);
}
