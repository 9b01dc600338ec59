using HealthFunctions.Search.AzureAiSearch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HealthFunctions.IntegrationTests;

/// <summary>
/// <c>Search:Provider=AzureAiSearch</c> wired as Program.cs wires it, against Azurite, with only our
/// own <see cref="IAzureSearchService"/> replaced (there is no Azure AI Search emulator): publishes
/// mirror their stored search documents to it, <c>GET /api/search</c> asks it, and related posts
/// are still computed by the embedded index.
/// </summary>
public sealed class AzureAiSearchProviderTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly RecordingSearchService _service = new();
    private BlogTestHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new BlogTestHost(
            azurite,
            new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero),
            new Dictionary<string, string?>
            {
                ["Search:Provider"] = "AzureAiSearch",
                ["Search:AzureAiSearch:Endpoint"] = "https://blog.search.windows.net",
            },
            configure: services => services.Replace(ServiceDescriptor.Singleton<IAzureSearchService>(_service)));
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task Publishes_mirror_documents_searches_go_to_the_service_and_related_posts_still_come()
    {
        await _host.UploadAndTriggerAsync("salt.md", PostFile.Markdown("Salt and your heart", "2025-10-01", "Eating less salt lowers blood pressure.", tags: "heart"));
        await _host.UploadAndTriggerAsync("potassium.md", PostFile.Markdown("Potassium and your heart", "2025-11-01", "Bananas and less salt help blood pressure.", tags: "heart"));
        await _host.UploadAndTriggerAsync("draft.md", PostFile.Markdown("Salt draft", "2025-10-01", "Unfinished.", draft: true));

        Assert.Equal(["potassium", "salt"], _service.Documents.Values.Select(d => d.Slug).Order());
        Assert.Equal(AzureIndexFields.KeyOf("salt"), _service.Documents.Values.Single(d => d.Slug == "salt").Key);
        Assert.Contains(AzureIndexFields.KeyOf("draft"), _service.Deleted);

        var response = await _host.SearchAsync("q=salt+title%3A*");
        Assert.Equal(200, response.Status);
        var request = _service.Requests.Last();
        Assert.Equal("+\"salt\" +\"title\"", request.SearchText);
        Assert.StartsWith("draft eq false and published le 2026-01-15T12:00:00.000Z", request.Filter, StringComparison.Ordinal);
        var hit = response.Json.GetProperty("items")[0];
        Assert.Equal("&lt;b&gt; <mark>salt</mark>", hit.GetProperty("snippet").GetString());

        Assert.Equal(400, (await _host.SearchAsync("q=the+*")).Status);

        var post = await _host.GetPostAsync("salt");
        Assert.Equal("potassium", post.Json.GetProperty("related")[0].GetProperty("slug").GetString());

        await _host.Source.DeleteBlobAsync("salt.md");
        await _host.TriggerAsync("salt.md");
        Assert.DoesNotContain(AzureIndexFields.KeyOf("salt"), _service.Documents.Keys);
    }

    /// <summary>Keeps uploaded documents by key and answers every search with all of them, a fixed highlight each.</summary>
    private sealed class RecordingSearchService : IAzureSearchService
    {
        private readonly Lock _gate = new();

        public Dictionary<string, AzureIndexDocument> Documents { get; } = [];

        public List<string> Deleted { get; } = [];

        public List<AzureSearchRequest> Requests { get; } = [];

        public Task UploadAsync(AzureIndexDocument document, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                Documents[document.Key] = document;
            }

            return Task.CompletedTask;
        }

        public Task DeleteAsync(string key, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                Documents.Remove(key);
                Deleted.Add(key);
            }

            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<AzureSearchResult>> SearchAsync(AzureSearchRequest request, CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                Requests.Add(request);
                IReadOnlyList<AzureSearchResult> results = Documents.Values
                    .OrderByDescending(d => d.Published)
                    .Select(d => new AzureSearchResult(d.Slug, d.Title, d.Tags, d.Excerpt, d.Published, 1, new Dictionary<string, IReadOnlyList<string>>
                    {
                        [AzureIndexFields.Body] = ["<b> " + AzureSnippets.MarkStart + "salt" + AzureSnippets.MarkEnd],
                    }))
                    .Skip(request.Skip)
                    .Take(request.Size)
                    .ToList();
                return Task.FromResult(results);
            }
        }
    }
}
