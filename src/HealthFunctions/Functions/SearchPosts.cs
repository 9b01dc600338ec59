using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/search?q=</c>: full-text search over the public posts.</summary>
public sealed class SearchPosts
{
    private readonly SearchApi _search;

    public SearchPosts(SearchApi search)
    {
        _search = search;
    }

    [Function(nameof(SearchPosts))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "search")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await _search.SearchAsync(request, cancellationToken);
}
