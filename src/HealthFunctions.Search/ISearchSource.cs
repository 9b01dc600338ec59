namespace HealthFunctions.Search;

/// <summary>
/// Where searches go: this instance's embedded index (<see cref="Sync.LocalSearch"/>, caught up first)
/// or the shared Azure AI Search index, as <c>Search:Provider</c> says.
/// </summary>
public interface ISearchSource
{
    /// <summary>The index to search now.</summary>
    Task<ISearchIndex> GetAsync(CancellationToken cancellationToken);
}
