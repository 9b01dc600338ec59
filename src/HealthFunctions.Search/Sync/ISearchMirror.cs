namespace HealthFunctions.Search.Sync;

/// <summary>
/// A search engine outside this process that must be told each change once it is stored (the Azure
/// AI Search index). The embedded provider has none: every instance reads the change log instead.
/// </summary>
public interface ISearchMirror
{
    /// <summary>Applies the stored change. Safe to repeat.</summary>
    Task ApplyAsync(SearchChange change, CancellationToken cancellationToken);
}

/// <summary>No mirror: the embedded provider.</summary>
public sealed class NoSearchMirror : ISearchMirror
{
    public static readonly NoSearchMirror Instance = new();

    private NoSearchMirror()
    {
    }

    public Task ApplyAsync(SearchChange change, CancellationToken cancellationToken) => Task.CompletedTask;
}
