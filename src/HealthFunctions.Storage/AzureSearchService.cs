using Azure.Search.Documents;
using Azure.Search.Documents.Models;
using HealthFunctions.Search.AzureAiSearch;

namespace HealthFunctions.Storage;

/// <summary>
/// <see cref="IAzureSearchService"/> over the SDK's <see cref="SearchClient"/> (registered once, with
/// the app's managed identity or an API key). Only translation between our records and the SDK's
/// types lives here; what is asked is decided in <see cref="AzureAiSearchIndex"/>.
/// </summary>
public sealed class AzureSearchService : IAzureSearchService
{
    private readonly SearchClient _client;

    public AzureSearchService(SearchClient client)
    {
        _client = client;
    }

    public async Task UploadAsync(AzureIndexDocument document, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var fields = new SearchDocument
        {
            [AzureIndexFields.Key] = document.Key,
            [AzureIndexFields.Slug] = document.Slug,
            [AzureIndexFields.Title] = document.Title,
            [AzureIndexFields.Tags] = document.Tags.ToArray(),
            [AzureIndexFields.Excerpt] = document.Excerpt,
            [AzureIndexFields.Body] = document.Body,
            [AzureIndexFields.Published] = document.Published,
            [AzureIndexFields.Updated] = document.Updated,
            [AzureIndexFields.Expires] = document.Expires,
            [AzureIndexFields.Draft] = document.Draft,
        };
        var batch = IndexDocumentsBatch.MergeOrUpload([fields]);
        await _client.IndexDocumentsAsync(batch, new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        await _client.DeleteDocumentsAsync(AzureIndexFields.Key, [key], new IndexDocumentsOptions { ThrowOnAnyError = true }, cancellationToken);
    }

    public async Task<IReadOnlyList<AzureSearchResult>> SearchAsync(AzureSearchRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var options = new SearchOptions
        {
            QueryType = SearchQueryType.Full,
            SearchMode = SearchMode.All,
            Filter = request.Filter,
            Skip = request.Skip,
            Size = request.Size,
            ScoringProfile = request.ScoringProfile,
            HighlightPreTag = request.HighlightPreTag,
            HighlightPostTag = request.HighlightPostTag,
        };
        AddAll(options.SearchFields, request.SearchFields);
        AddAll(options.HighlightFields, request.HighlightFields);
        AddAll(options.OrderBy, request.OrderBy);
        AddAll(options.Select, request.Select);

        var response = await _client.SearchAsync<SearchDocument>(request.SearchText, options, cancellationToken);
        var results = new List<AzureSearchResult>();
        await foreach (var result in response.Value.GetResultsAsync().WithCancellation(cancellationToken))
        {
            var doc = result.Document;
            results.Add(new AzureSearchResult(
                doc.GetString(AzureIndexFields.Slug),
                doc.GetString(AzureIndexFields.Title),
                doc.TryGetValue(AzureIndexFields.Tags, out var tags) && tags is IEnumerable<object> list ? list.Select(t => t?.ToString() ?? string.Empty).ToList() : [],
                doc.GetString(AzureIndexFields.Excerpt) ?? string.Empty,
                doc.GetDateTimeOffset(AzureIndexFields.Published) ?? DateTimeOffset.MinValue,
                result.Score ?? 0,
                result.Highlights?.ToDictionary(h => h.Key, h => (IReadOnlyList<string>)h.Value.ToList()) ?? []));
            if (results.Count >= request.Size)
            {
                break;
            }
        }

        return results;
    }

    private static void AddAll(IList<string> target, IEnumerable<string> values)
    {
        foreach (var value in values)
        {
            target.Add(value);
        }
    }
}
