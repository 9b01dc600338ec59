using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/sitemap.xml</c></summary>
public sealed class GetSitemap
{
    private readonly SiteApi _site;

    public GetSitemap(SiteApi site)
    {
        _site = site;
    }

    [Function(nameof(GetSitemap))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "sitemap.xml")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await _site.SitemapAsync(request, cancellationToken);
}
