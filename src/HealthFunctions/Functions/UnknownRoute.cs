using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary>
/// Every request under <c>/api</c> that no other function takes (routes are matched most specific
/// first, so this catch-all only gets the rest): a 404 or 405 problem instead of the host's empty answer.
/// CORS preflights (OPTIONS) are left to the host.
/// </summary>
public sealed class UnknownRoute
{
    private readonly ApiRoutes _routes;

    public UnknownRoute(ApiRoutes routes)
    {
        _routes = routes;
    }

    [Function(nameof(UnknownRoute))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", "put", "patch", "delete", Route = "{*path}")] HttpRequest request,
        string? path) =>
        _routes.Unmatched(request, path);
}
