namespace HealthFunctions.Publishing.Index;

/// <summary>Result of trying to take a slug for a source file.</summary>
public sealed record SlugClaim(bool Claimed, PostEntry? Holder);

/// <summary>The table that indexes published posts.</summary>
public interface IPostIndex
{
    Task<SourceRecord?> GetSourceAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Stores a status row if nobody changed it since it was read (its <see cref="SourceRecord.ETag"/>; null means "must not exist yet"). False on a lost race.</summary>
    Task<bool> TrySaveSourceAsync(SourceRecord record, CancellationToken cancellationToken);

    /// <summary>Deletes a status row if nobody changed it since it was read. False on a lost race.</summary>
    Task<bool> TryDeleteSourceAsync(SourceRecord record, CancellationToken cancellationToken);

    IAsyncEnumerable<SourceRecord> ListSourcesAsync(CancellationToken cancellationToken);

    Task<PostEntry?> GetPostAsync(string slug, CancellationToken cancellationToken);

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

    /// <summary>
    /// Newest-first page of a listing partition, published at or before <paramref name="now"/> and
    /// not expired, starting after <paramref name="continueAfter"/>. One range query.
    /// </summary>
    Task<ListingPage> QueryListingAsync(string partition, string? continueAfter, DateTimeOffset now, int limit, CancellationToken cancellationToken);

    /// <summary>Records that <paramref name="alias"/> now lives at <paramref name="slug"/>.</summary>
    Task SetAliasAsync(string alias, string slug, CancellationToken cancellationToken);

    Task<string?> GetAliasAsync(string alias, CancellationToken cancellationToken);

    /// <summary>Every alias row, or those pointing at <paramref name="target"/>.</summary>
    IAsyncEnumerable<(string Alias, string Target)> ListAliasesAsync(string? target, CancellationToken cancellationToken);

    Task DeleteAliasAsync(string alias, CancellationToken cancellationToken);

    /// <summary>Every post row: its slug, the source file that holds it and when it was last written (for reconciliation).</summary>
    IAsyncEnumerable<(string Slug, string SourceBlob, DateTimeOffset Written)> ListPostsAsync(CancellationToken cancellationToken);

    /// <summary>Every post row in full (one partition query, without the HTML), for editor reports.</summary>
    IAsyncEnumerable<PostEntry> ListPostEntriesAsync(CancellationToken cancellationToken);
}
