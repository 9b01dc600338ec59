using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/site</c>: the blog's title, description, About Me text, base URL, language and default author.</summary>
public sealed class GetSite
{
    private readonly AuthorsApi _authors;

    public GetSite(AuthorsApi authors)
    {
        _authors = authors;
    }

    [Function(nameof(GetSite))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "site")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await _authors.GetSiteAsync(request, cancellationToken);
}
