namespace HealthFunctions.Site.Writing;

/// <summary>
/// What the store remembers of a written page: its version, when the render that wrote it began,
/// and the pages that link to it.
/// </summary>
public sealed record PageStamp(string ETag, DateTimeOffset RenderedAt, IReadOnlyList<string> LinkedFrom);

/// <summary>One file to store, with its cache lifetime and, for a page's last file, its stamp.</summary>
public sealed record PageWrite(SiteFile File, string CacheControl, DateTimeOffset? RenderedAt = null, IReadOnlyList<string>? LinkedFrom = null);

/// <summary>The site container (<c>$web</c>): pages by address.</summary>
public interface IPageStore
{
    Task<PageStamp?> GetStampAsync(string path, CancellationToken cancellationToken);

    /// <summary>Writes a file whatever is there.</summary>
    Task WriteAsync(PageWrite write, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a page's last file only if it is still the version <paramref name="expected"/> names
    /// (null: only if there is none). False when another writer got there first.
    /// </summary>
    Task<bool> TryWriteAsync(PageWrite write, PageStamp? expected, CancellationToken cancellationToken);

    /// <summary>Deletes a page's file only if it is still the version <paramref name="expected"/> names.</summary>
    Task<bool> TryDeleteAsync(string path, PageStamp expected, CancellationToken cancellationToken);

    /// <summary>Writes a theme asset (bytes, no render stamp) whatever is there.</summary>
    Task WriteAssetAsync(string blobName, byte[] content, string contentType, string cacheControl, CancellationToken cancellationToken);

    /// <summary>Deletes a file if it exists.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);

    /// <summary>Every file's address with the time its render began (null for files the pipeline did not render: theme assets, media).</summary>
    IAsyncEnumerable<(string Path, DateTimeOffset? RenderedAt)> ListAsync(CancellationToken cancellationToken);
}
