namespace HealthFunctions.Publishing.Index;

/// <summary>
/// What publishing and reconciliation change in the index: slugs, listing rows and aliases, and the
/// listings they walk to find rows to change.
/// </summary>
public interface IPostIndexWriter
{
    /// <summary>Stores the post under its slug unless another source file holds that slug.</summary>
    /// <param name="expectNew">
    /// The caller believes nobody holds the slug yet (the source file never had it), so the claim may
    /// try to insert before it reads, which saves a request for a new post and costs one when wrong.
    /// </param>
    Task<SlugClaim> ClaimSlugAsync(PostEntry entry, bool expectNew, CancellationToken cancellationToken);

    /// <summary>Removes the post row for <paramref name="slug"/> if <paramref name="sourceBlob"/> holds it.</summary>
    Task ReleaseSlugAsync(string slug, string sourceBlob, CancellationToken cancellationToken);

    Task UpsertListingAsync(IEnumerable<ListingEntry> entries, CancellationToken cancellationToken);

    Task DeleteListingAsync(IEnumerable<IndexKey> keys, CancellationToken cancellationToken);

    /// <summary>Every listing row of every partition with the time it was last written (for reconciliation).</summary>
    IAsyncEnumerable<(IndexKey Key, DateTimeOffset Written)> ListAllListingKeysAsync(CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="alias"/> now lives at <paramref name="slug"/>.</summary>
    Task SetAliasAsync(string alias, string slug, CancellationToken cancellationToken);

    /// <summary>Every alias row, or those pointing at <paramref name="target"/>.</summary>
    IAsyncEnumerable<(string Alias, string Target)> ListAliasesAsync(string? target, CancellationToken cancellationToken);

    Task DeleteAliasAsync(string alias, CancellationToken cancellationToken);

    /// <summary>Every post row: its slug, the source file that holds it and when it was last written (for reconciliation).</summary>
    IAsyncEnumerable<(string Slug, string SourceBlob, DateTimeOffset Written)> ListPostsAsync(CancellationToken cancellationToken);
}
