using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/tags</c></summary>
public sealed class ListTags
{
    private readonly SiteApi _site;

    public ListTags(SiteApi site)
    {
        _site = site;
    }

    [Function(nameof(ListTags))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "tags")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await _site.TagsAsync(request, cancellationToken);
}
