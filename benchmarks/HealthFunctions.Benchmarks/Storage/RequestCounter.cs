using Azure.Core;
using Azure.Core.Pipeline;

namespace HealthFunctions.Benchmarks.Storage;

/// <summary>Counts the HTTP requests the storage clients send (retries included) and the response bytes they get back.</summary>
internal sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _requests;
    private long _responseBytes;

    public long Requests => Interlocked.Read(ref _requests);

    public long ResponseBytes => Interlocked.Read(ref _responseBytes);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _requests);

    public override void OnReceivedResponse(HttpMessage message)
    {
        var length = message.Response.ContentStream is { CanSeek: true } stream
            ? stream.Length
            : message.Response.Headers.ContentLength ?? 0;
        Interlocked.Add(ref _responseBytes, length);
    }
}
