using HealthFunctions.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace HealthFunctions.Functions;

/// <summary>Event Grid webhook for deleted source blobs: the post leaves the index.</summary>
public sealed class BlobDeletedWebhook
{
    private readonly BlobEventsApi _events;

    public BlobDeletedWebhook(BlobEventsApi events)
    {
        _events = events;
    }

    [Function(nameof(BlobDeletedWebhook))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "events/blob-deleted")] HttpRequest request,
        CancellationToken cancellationToken) =>
        await _events.HandleAsync(request, cancellationToken);
}
