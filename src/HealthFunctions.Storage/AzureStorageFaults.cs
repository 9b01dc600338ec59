using Azure;
using HealthFunctions.Publishing.Sources;

namespace HealthFunctions.Storage;

/// <summary>
/// The Azure SDK's transient failures: no answer at all (status 0, the SDK gave up on the
/// network), request timeout, throttling and server errors. A 4xx answer is about the request,
/// so sending it again fails again.
/// </summary>
public sealed class AzureStorageFaults : NetworkFaults
{
    protected override bool IsTransientHere(Exception exception) =>
        exception is RequestFailedException { Status: 0 or 408 or 429 or >= 500 }
        || exception is TaskCanceledException { InnerException: TimeoutException };
}
