namespace HealthFunctions.Publishing.Sources;

/// <summary>A source file's name and current version, as a listing gives them.</summary>
public sealed record SourceListing(string Name, string ETag);

/// <summary>The container editors upload posts to.</summary>
public interface ISourceStore
{
    /// <summary>Reads the current version of a source file, or null when it does not exist. Files over <paramref name="maxBytes"/> come back without content.</summary>
    Task<SourceBlob?> ReadAsync(string name, int maxBytes, CancellationToken cancellationToken);

    /// <summary>The current ETag of a source file, or null when it does not exist.</summary>
    Task<string?> GetETagAsync(string name, CancellationToken cancellationToken);

    /// <summary>Names of every source file, in name order.</summary>
    IAsyncEnumerable<string> ListNamesAsync(CancellationToken cancellationToken);

    /// <summary>The source files whose names start with <paramref name="prefix"/>, with their current ETags, in name order.</summary>
    IAsyncEnumerable<SourceListing> ListAsync(string prefix, CancellationToken cancellationToken);

    /// <summary>Uploads (or replaces) a source file.</summary>
    Task UploadAsync(string name, Stream content, string contentType, CancellationToken cancellationToken);
}
