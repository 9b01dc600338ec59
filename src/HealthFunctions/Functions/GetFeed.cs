using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/feed</c></summary>
public sealed class GetFeed
{
    private readonly SiteApi _site;

    public GetFeed(SiteApi site)
    {
        _site = site;
    }

    [Function(nameof(GetFeed))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "feed")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await _site.FeedAsync(request, cancellationToken);
}
