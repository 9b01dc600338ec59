using HealthFunctions.Search.Sync;
using Lucene.Net.Analysis.En;
using Lucene.Net.Util;

namespace HealthFunctions.Search.AzureAiSearch;

/// <summary>
/// Search through an Azure AI Search index shared by every instance, for a blog whose index has
/// outgrown one instance's memory or cold start. The search table stays the truth: each stored
/// change is mirrored here (<see cref="ISearchMirror"/>), and <c>reindex</c> rewrites every document.
/// Queries, the visibility filter, paging and snippets behave as the embedded index's do. Related
/// posts are not asked of this index: they stay computed by the embedded path (docs/search.md).
/// </summary>
public sealed class AzureAiSearchIndex : ISearchIndex, ISearchSource, ISearchMirror, IDisposable
{
    private readonly IAzureSearchService _service;
    private readonly EnglishAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);

    public AzureAiSearchIndex(IAzureSearchService service)
    {
        _service = service;
    }

    public Task<ISearchIndex> GetAsync(CancellationToken cancellationToken) => Task.FromResult<ISearchIndex>(this);

    public Task ApplyAsync(SearchChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Document is { } document ? UpsertAsync(document, cancellationToken) : RemoveAsync(change.Slug, cancellationToken);
    }

    public Task UpsertAsync(SearchDocument document, CancellationToken cancellationToken) =>
        _service.UploadAsync(AzureIndexFields.ToIndexDocument(document), cancellationToken);

    public Task RemoveAsync(string slug, CancellationToken cancellationToken) =>
        _service.DeleteAsync(AzureIndexFields.KeyOf(slug), cancellationToken);

    public async Task<SearchPage?> SearchAsync(SearchQuery query, DateTimeOffset now, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var text = AzureSearchQueries.Build(query, _analyzer);
        if (text is null)
        {
            return null;
        }

        // One more than the page tells whether there is a next one.
        var results = await _service.SearchAsync(new AzureSearchRequest(text, AzureSearchQueries.VisibleAt(now), offset, limit + 1), cancellationToken);
        var hits = results
            .Take(limit)
            .Select(r => new SearchHit(r.Slug, r.Title, r.Published, r.Tags, AzureSnippets.For(r.Highlights, r.Excerpt), r.Score))
            .ToList();
        return new SearchPage(hits, results.Count > limit ? offset + limit : null);
    }

    /// <summary>Not offered: related lists are computed by the embedded index when posts change.</summary>
    public Task<IReadOnlyList<RelatedPost>> RelatedAsync(string slug, DateTimeOffset now, int count, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Related posts are computed by the embedded index (LocalSearch), not by Azure AI Search.");

    public void Dispose() => _analyzer.Dispose();
}
