using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary><c>GET /api/status</c>: processing status of every uploaded file (function key required).</summary>
public sealed class ListSourceStatus
{
    private readonly SourcesApi _sources;

    public ListSourceStatus(SourcesApi sources)
    {
        _sources = sources;
    }

    [Function(nameof(ListSourceStatus))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "status")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await _sources.ListAsync(request, cancellationToken);
}
