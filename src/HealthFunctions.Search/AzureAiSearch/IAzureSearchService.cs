namespace HealthFunctions.Search.AzureAiSearch;

/// <summary>One post as the Azure AI Search index stores it (field names in <see cref="AzureIndexFields"/>).</summary>
public sealed record AzureIndexDocument(
    string Key,
    string Slug,
    string Title,
    IReadOnlyList<string> Tags,
    string Excerpt,
    string Body,
    DateTimeOffset Published,
    DateTimeOffset? Updated,
    DateTimeOffset? Expires,
    bool Draft);

/// <summary>
/// A search as the adapter sends it: query text in the <c>full</c> Lucene syntax, every word
/// required (<c>searchMode=all</c>), the OData visibility filter, the page, and the highlight tags.
/// </summary>
public sealed record AzureSearchRequest(string SearchText, string Filter, int Skip, int Size)
{
    public string ScoringProfile { get; init; } = AzureIndexFields.ScoringProfile;

    public IReadOnlyList<string> SearchFields { get; init; } = AzureIndexFields.Searched.Select(f => f.Field).ToList();

    public IReadOnlyList<string> HighlightFields { get; init; } = [AzureIndexFields.Body, AzureIndexFields.Excerpt];

    public string HighlightPreTag { get; init; } = AzureSnippets.MarkStart;

    public string HighlightPostTag { get; init; } = AzureSnippets.MarkEnd;

    /// <summary>Best first; equal scores newest first, as the embedded index sorts.</summary>
    public IReadOnlyList<string> OrderBy { get; init; } = ["search.score() desc", AzureIndexFields.Published + " desc"];

    public IReadOnlyList<string> Select { get; init; } =
        [AzureIndexFields.Slug, AzureIndexFields.Title, AzureIndexFields.Tags, AzureIndexFields.Excerpt, AzureIndexFields.Published];
}

/// <summary>One result: the selected fields, its score, and highlight fragments per field (tags around matches).</summary>
public sealed record AzureSearchResult(
    string Slug,
    string Title,
    IReadOnlyList<string> Tags,
    string Excerpt,
    DateTimeOffset Published,
    double Score,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Highlights);

/// <summary>
/// The few calls the adapter makes to an Azure AI Search index, in our own types, so mapping, query
/// text and snippets are tested without a network (there is no emulator). Implemented over the SDK's
/// <c>SearchClient</c> in the storage project.
/// </summary>
public interface IAzureSearchService
{
    /// <summary>Adds or replaces the document under its key (merge-or-upload). Safe to repeat.</summary>
    Task UploadAsync(AzureIndexDocument document, CancellationToken cancellationToken);

    /// <summary>Deletes the document under <paramref name="key"/>; a missing one is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    Task<IReadOnlyList<AzureSearchResult>> SearchAsync(AzureSearchRequest request, CancellationToken cancellationToken);
}
