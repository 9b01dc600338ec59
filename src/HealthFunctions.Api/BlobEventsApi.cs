using Azure.Messaging.EventGrid;
using Azure.Messaging.EventGrid.SystemEvents;
using HealthFunctions.Publishing;
using HealthFunctions.Publishing.Sync;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace HealthFunctions.Api;

/// <summary>
/// Receives Event Grid notifications for deleted source blobs (blob triggers do not fire on
/// delete) and runs the publish use case for each, which removes the post. Answers Event Grid's
/// subscription validation handshake.
/// </summary>
public sealed class BlobEventsApi
{
    private readonly ContentSync _sync;
    private readonly PublishingOptions _options;
    private readonly ApiFailures _failures;

    public BlobEventsApi(ContentSync sync, IOptions<PublishingOptions> options, ApiFailures failures)
    {
        _failures = failures;
        _sync = sync;
        _options = options.Value;
    }

    /// <summary>Storage outages answer 503, so Event Grid delivers the event again later.</summary>
    public Task<ApiResponse> HandleAsync(HttpRequest request, CancellationToken cancellationToken) =>
        _failures.GuardAsync(request, () => DeliverAsync(request, cancellationToken));

    private async Task<ApiResponse> DeliverAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (new QueryReader(request).Error is { } error)
        {
            return error;
        }

        EventGridEvent[] events;
        try
        {
            events = EventGridEvent.ParseMany(await BinaryData.FromStreamAsync(request.Body, cancellationToken));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or ArgumentException or FormatException)
        {
            return ApiResponse.Problem(StatusCodes.Status400BadRequest, "The body is not an array of Event Grid events: " + ex.Message);
        }

        var prefix = $"/blobServices/default/containers/{_options.SourceContainer}/blobs/";
        foreach (var e in events)
        {
            if (e.TryGetSystemEventData(out var data))
            {
                switch (data)
                {
                    case SubscriptionValidationEventData validation:
                        return ApiResponse.Private(new { validationResponse = validation.ValidationCode });
                    case StorageBlobDeletedEventData when e.Subject.StartsWith(prefix, StringComparison.Ordinal):
                        await _sync.SyncAsync(Uri.UnescapeDataString(e.Subject[prefix.Length..]), cancellationToken);
                        break;
                }
            }
        }

        return ApiResponse.NoContent();
    }
}
